using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Lifecycle;

/// <summary>
/// Turn tracking: whose side holds the contract while it is negotiated. A workflow starts with the company (turn 1, its
/// creator); passing the turn ends the current one and starts the next, and emits <c>workflow_changed_turn</c>. Like a
/// comment, a turn changes neither the workflow's state nor its lastUpdated.
/// </summary>
public sealed partial class IroncladState
{
    /// <summary>
    /// Passes the turn to <paramref name="party"/> (<see cref="TurnParties"/>); <paramref name="holderEmail"/> is the
    /// user (internal) or the counterparty's person who holds it next, when known.
    /// </summary>
    public WorkflowTurn PassTurn(string idOrIroncladId, string party, string? holderEmail)
    {
        if (!TurnParties.IsKnown(party))
        {
            throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"party must be {TurnParties.Internal} or {TurnParties.Counterparty}", "party"));
        }

        WorkflowTurn? turn = null;
        Change(idOrIroncladId, workflow =>
        {
            if (workflow.IsFinished)
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidState($"workflow is {WireNames.Status(workflow.Status)}: its turn cannot change"));
            }

            var current = workflow.Turns[^1];
            if (current.Party == party)
            {
                throw IroncladApiException.BadRequest(IroncladError.InvalidState($"the turn is already with the {party} side", "party"));
            }

            var now = _clock.UtcNow;
            var user = party == TurnParties.Internal && holderEmail is not null
                ? _users.Find(u => string.Equals(u.Email, holderEmail, StringComparison.OrdinalIgnoreCase))
                    ?? throw IroncladApiException.BadRequest(IroncladError.InvalidParam($"no user with email {holderEmail} in this company", "userEmail"))
                : null;
            workflow.Turns[^1] = current with { End = now };
            turn = new WorkflowTurn(current.Number + 1, party, now, null, "manual change", user?.Id, user?.Email ?? holderEmail);
            workflow.Turns.Add(turn);
            Emit(workflow, WebhookEvents.WorkflowChangedTurn);
        }, touch: false);
        return turn!;
    }

    /// <summary>The turn history, first turn first; null when there is no such workflow.</summary>
    public IReadOnlyList<WorkflowTurn>? Turns(string idOrIroncladId)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow ? [.. workflow.Turns] : null;
        }
    }

    /// <summary>One page of <c>GET /workflows/{id}/turn-history</c> and the number of turns; null when there is no such workflow.</summary>
    public (int Count, List<JsonObject> Page)? TurnHistory(string idOrIroncladId, int page, int pageSize)
    {
        lock (_gate)
        {
            return FindWorkflow(idOrIroncladId) is { } workflow
                ? (workflow.Turns.Count, workflow.Turns.Skip(page * pageSize).Take(pageSize).Select(TurnJson).ToList())
                : null;
        }
    }

    private static void StartFirstTurn(Workflow workflow) =>
        workflow.Turns.Add(new WorkflowTurn(1, TurnParties.Internal, workflow.Created, null, "workflow launch", workflow.Creator.Id, workflow.Creator.Email));

    private static JsonObject TurnJson(WorkflowTurn turn)
    {
        var json = new JsonObject
        {
            ["turnParty"] = turn.Party,
            ["turnStartTime"] = WireNames.Timestamp(turn.Start),
            ["turnLocation"] = turn.Location,
            ["turnNumber"] = turn.Number,
        };
        if (turn.UserId is { } userId)
        {
            json["turnUserId"] = userId;
        }

        if (turn.UserEmail is { } email)
        {
            json["turnUserEmail"] = email;
        }

        if (turn.End is { } end)
        {
            json["turnEndTime"] = WireNames.Timestamp(end);
        }

        return json;
    }
}
