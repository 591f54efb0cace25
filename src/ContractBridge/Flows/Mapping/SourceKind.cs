namespace ContractBridge.Flows.Mapping;

/// <summary>What kind of value a source gives, known before any deal is read: lets `check` catch a bad mapping early.</summary>
public enum SourceKind
{
    Text,
    Email,
    Number,
    Flag,
    Day,

    /// <summary>A custom field: its kind is known only when a value is read.</summary>
    Any,
}
