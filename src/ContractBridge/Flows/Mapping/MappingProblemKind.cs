namespace ContractBridge.Flows.Mapping;

/// <summary>What kind of fix a <see cref="MappingProblem"/> asks for: lets a preview or an editor group them without reading their words.</summary>
public enum MappingProblemKind
{
    /// <summary>The mapping names an attribute the template does not have.</summary>
    UnknownAttribute,

    /// <summary>The mapping's expression cannot be read.</summary>
    UnreadableMapping,

    /// <summary>The attribute's type is one the bridge cannot fill from Kommo (address, document, …).</summary>
    UnfillableType,

    /// <summary>The source's kind, or the deal's value, does not fit the attribute's type.</summary>
    TypeMismatch,

    /// <summary>A required attribute is unmapped, or mapped to fields that are empty on this deal.</summary>
    MissingRequired,
}
