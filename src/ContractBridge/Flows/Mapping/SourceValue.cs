using System.Globalization;

namespace ContractBridge.Flows.Mapping;

/// <summary>A value read from a deal (or a constant) before it is coerced to an attribute's type.</summary>
public abstract record SourceValue
{
    private SourceValue()
    {
    }

    public sealed record Text(string Value) : SourceValue;

    public sealed record Number(decimal Value) : SourceValue;

    public sealed record Flag(bool Value) : SourceValue;

    public sealed record Day(DateOnly Value) : SourceValue;

    /// <summary>The value as text (numbers invariant, dates ISO).</summary>
    public string AsText() => this switch
    {
        Text t => t.Value,
        Number n => n.Value.ToString(CultureInfo.InvariantCulture),
        Flag f => f.Value ? "true" : "false",
        Day d => d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => string.Empty,
    };
}
