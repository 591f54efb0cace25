using ContractBridge.Flows.Mapping;

namespace ContractBridge.Flows.Preview;

/// <summary>The kinds of <see cref="PreviewProblem"/>, as the JSON answer spells them.</summary>
public static class PreviewProblemCodes
{
    /// <summary>No rule's trigger stage is the deal's stage, and no rule was named.</summary>
    public const string NotInRuleStage = "not-in-rule-stage";

    /// <summary>The deal already has a contract in progress (or a launch under way): a launch would write a note, not a workflow.</summary>
    public const string AlreadyLinked = "already-linked";

    /// <summary>The deal is Closed-Won or Closed-Lost: a launch would not happen.</summary>
    public const string DealClosed = "deal-closed";

    /// <summary>The rule's template is not in Ironclad, or more than one matches its name.</summary>
    public const string Template = "template";

    /// <summary>The mapping reads a custom field no Kommo definition has (by id or code).</summary>
    public const string UnknownField = "unknown-field";

    public const string UnknownAttribute = "unknown-attribute";

    public const string UnreadableMapping = "unreadable-mapping";

    public const string UnfillableType = "unfillable-type";

    public const string TypeMismatch = "type-mismatch";

    public const string MissingRequired = "missing-required";

    public static string Of(MappingProblemKind kind) => kind switch
    {
        MappingProblemKind.UnknownAttribute => UnknownAttribute,
        MappingProblemKind.UnreadableMapping => UnreadableMapping,
        MappingProblemKind.UnfillableType => UnfillableType,
        MappingProblemKind.TypeMismatch => TypeMismatch,
        _ => MissingRequired,
    };
}
