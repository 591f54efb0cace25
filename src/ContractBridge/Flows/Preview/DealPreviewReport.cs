namespace ContractBridge.Flows.Preview;

/// <summary>
/// What launching the deal's contract would do, found without launching: the deal and where it is, the rule that would
/// apply (or was named) and whether the deal is in its trigger stage, the rule's template, every attribute that would be
/// sent, and every problem. <see cref="WouldLaunch"/> when there is none.
/// </summary>
public sealed record DealPreviewReport(
    long LeadId,
    string? DealName,
    string? DealUrl,
    string Pipeline,
    string Stage,
    string? Rule,
    string? TriggerStage,
    bool InRuleStage,
    string? TemplateName,
    string? TemplateId,
    IReadOnlyList<PreviewAttribute> Attributes,
    IReadOnlyList<PreviewProblem> Problems)
{
    public bool WouldLaunch => Problems.Count == 0;
}
