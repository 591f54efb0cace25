using System.Globalization;

namespace ContractBridge.Flows.Reconcile;

/// <summary>
/// What the last webhook check found for one service's registration, and its last repair. <see cref="State"/> is what
/// the registration is now: "registered", or what is wrong with it ("missing", "disabled", "incomplete",
/// "unchecked" when the service did not answer). Kept in the shared store, so every instance's dashboard shows it.
/// </summary>
public sealed record WebhookRegistrationStatus(
    string Service,
    string State,
    int Events,
    string? Detail,
    DateTimeOffset CheckedAt,
    DateTimeOffset? RepairedAt = null,
    string? RepairedFrom = null)
{
    public const string Registered = "registered";
    public const string Missing = "missing";
    public const string Disabled = "disabled";
    public const string Incomplete = "incomplete";
    public const string Unchecked = "unchecked";

    public bool Healthy => State == Registered;

    /// <summary>The dashboard's line: "Kommo webhook: registered, 7 events; was disabled, repaired 12:03 UTC".</summary>
    public string Describe()
    {
        var now = State switch
        {
            Registered => $"registered, {Events.ToString(CultureInfo.InvariantCulture)} event{(Events == 1 ? string.Empty : "s")}",
            Unchecked => "not checked",
            _ => State,
        };
        var line = $"{Service} webhook: {now}";
        if (Detail is not null)
        {
            line += $" ({Detail})";
        }

        if (RepairedAt is { } repaired)
        {
            line += $"; was {RepairedFrom}, repaired {repaired.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC";
        }

        return line;
    }
}
