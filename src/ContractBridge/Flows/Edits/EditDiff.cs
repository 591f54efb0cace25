using System.Text.Json.Nodes;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Edits;

/// <summary>
/// What an edited deal changes in its workflow: the deal is mapped again and compared with what the workflow holds now,
/// attribute by attribute, by type (<see cref="AttributeValues"/>). Because the comparison is with the workflow, not
/// with the edit, an event that changed nothing the mapping reads (the bridge's own notes and moves, a field no rule
/// maps) yields nothing. Left out on purpose: attributes the workflow's schema marks read-only or that are documents
/// (Ironclad refuses them), attributes its schema does not have, values that come from a constant or from
/// <c>today</c> rather than a deal field (they are the launch's, not the deal's, and would otherwise change every day),
/// and values the deal no longer gives (an emptied field is not cleared in the contract).
/// </summary>
public static class EditDiff
{
    public static IReadOnlyList<AttributeEdit> Compute(MappingPlan plan, DealSnapshot deal, DateOnly today, JsonObject mapped, IroncladWorkflow workflow)
    {
        var edits = new List<AttributeEdit>();
        foreach (var planned in plan.Attributes)
        {
            if (mapped[planned.Id] is not { } wanted || SourceOf(planned, deal, today) is not { } source)
            {
                continue;
            }

            if (workflow.Schema is { } schema
                && (!schema.TryGetValue(planned.Id, out var attribute) || attribute.ReadOnly || attribute.IsDocument))
            {
                continue;
            }

            var current = workflow.Attributes?[planned.Id];
            var type = planned.Schema.Type;
            if (!AttributeValues.Same(type, current, wanted))
            {
                edits.Add(new AttributeEdit(planned.Id, planned.Schema.DisplayName, source.Expression, AttributeValues.Show(type, current), AttributeValues.Show(type, wanted), wanted.DeepClone()));
            }
        }

        return edits;
    }

    /// <summary>The term that gave the value, when it is a field of the deal; null for a constant, a date from today, or no value.</summary>
    private static MappingSource? SourceOf(PlannedAttribute planned, DealSnapshot deal, DateOnly today)
    {
        var term = planned.Expression.Terms.FirstOrDefault(t => t.Read(deal, today) is not null);
        return term is MappingSource.Field or MappingSource.CustomField ? term : null;
    }
}
