using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using ContractBridge.Configuration;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Launch;

/// <summary>
/// What a launch would do with a deal before Ironclad is called (<see cref="LaunchPlanner"/>): the rule's trigger stage
/// by name, the stage that closes the deal to launches (Closed-Won or Closed-Lost), the rule's template, and the deal
/// mapped onto it. A plan that stopped at its first refusal leaves the later steps null.
/// </summary>
public sealed record LaunchPlan(string TriggerStage, string? ClosedStage, TemplateLookup? Lookup, MappingResult? Mapping)
{
    /// <summary>The note that stops the launch, in the launch's order (closed deal, template, mapping); null when it can launch.</summary>
    public string? Refusal(ContractRule rule) =>
        ClosedStage is { } closed ? DealNotes.NotLaunchedClosed(rule.Template, closed)
        : Lookup?.Template is null ? DealNotes.LaunchRefused(rule.Template, Lookup?.Problem ?? $"the template '{rule.Template}' was not looked up", TriggerStage)
        : Mapping is not { Succeeded: true } ? DealNotes.LaunchProblems(rule.Template, Mapping?.Problems ?? [], TriggerStage)
        : null;

    /// <summary>The template and the attributes to launch with, when nothing stops the launch.</summary>
    public bool CanLaunch([NotNullWhen(true)] out IroncladWorkflowSchema? template, [NotNullWhen(true)] out JsonObject? attributes)
    {
        template = ClosedStage is null && Mapping is { Succeeded: true } ? Lookup?.Template : null;
        attributes = template is null ? null : Mapping!.Attributes;
        return template is not null;
    }
}
