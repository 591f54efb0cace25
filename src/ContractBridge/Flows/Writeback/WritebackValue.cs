using ContractBridge.Kommo.Api;

namespace ContractBridge.Flows.Writeback;

/// <summary>
/// A fact converted for one field: the value to send, or why it cannot be sent (then <see cref="Value"/> is null).
/// <see cref="LeftAlone"/>: not a mistake to fix but a choice made in Kommo (a choice field without an option for this
/// state), so the field keeps what it holds.
/// </summary>
public sealed record WritebackValue(KommoNewFieldValue? Value, string? Problem, bool LeftAlone = false)
{
    public static WritebackValue Of(KommoNewFieldValue value) => new(value, null);

    public static WritebackValue Refused(string problem) => new(null, problem);

    public static WritebackValue Unchanged(string why) => new(null, why, LeftAlone: true);
}
