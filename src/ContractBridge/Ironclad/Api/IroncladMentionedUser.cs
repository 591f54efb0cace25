namespace ContractBridge.Ironclad.Api;

/// <summary>A user a comment mentions (<c>mentionedUserDetails</c>).</summary>
public sealed record IroncladMentionedUser(string? Id, string? DisplayName, string? Email);
