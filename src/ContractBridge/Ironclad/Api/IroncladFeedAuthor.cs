namespace ContractBridge.Ironclad.Api;

/// <summary>
/// Who wrote an activity-feed item (ActivityFeedAuthor): <see cref="Type"/> is <c>internalUser</c> (a user of the
/// company), <c>externalUser</c> (typically the counterparty), <c>integration</c> or <c>system</c> (Ironclad itself).
/// </summary>
public sealed record IroncladFeedAuthor(string? Type, string? DisplayName, string? Email, string? CompanyName, string? UserId)
{
    public const string InternalUser = "internalUser";
    public const string ExternalUser = "externalUser";
}
