using System.Text.Json;
using ContractBridge.Flows.Jobs;
using ContractBridge.Ironclad;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Flows.Activity;

/// <summary>
/// Approvals as notes: reads the workflow's approvals (one read) and notes each approval that was given, or taken back,
/// since the statuses last told, in the order Ironclad approves them (group by group), with how many are in. The state is
/// each approval's last status, so a repeated or late webhook finds nothing new, and an approval taken back and given
/// again is noted again. An approval appearing still pending (it was just triggered) is remembered, not noted.
/// </summary>
public sealed class ApprovalRelay(IroncladClient ironclad) : IActivityRelay
{
    public ActivityFeed Feed => ActivityFeed.Approvals;

    public async Task<ActivityRelayed> RelayAsync(RelayedContract contract, string? state, CancellationToken cancellationToken)
    {
        var told = state is null ? [] : JsonSerializer.Deserialize<Dictionary<string, bool>>(state) ?? [];
        var approvals = await ironclad.GetApprovalsAsync(contract.WorkflowId, cancellationToken);
        var (notes, now) = Changes(approvals, told, contract);
        return new ActivityRelayed(notes, JsonSerializer.Serialize(now));
    }

    /// <summary>The notes for what changed since <paramref name="told"/> (role id → approved), and the statuses now.</summary>
    public static (IReadOnlyList<string> Notes, Dictionary<string, bool> Now) Changes(IroncladApprovals approvals, IReadOnlyDictionary<string, bool> told, RelayedContract contract)
    {
        var reviewers = (approvals.ApprovalGroups ?? [])
            .Select((group, index) => (group, index))
            .OrderBy(g => g.group.Order ?? int.MaxValue)
            .ThenBy(g => g.index)
            .SelectMany(g => g.group.Reviewers ?? [])
            .Where(r => !string.IsNullOrEmpty(r.Role))
            .ToList();
        var now = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var reviewer in reviewers)
        {
            now[reviewer.Role!] = reviewer.IsApproved;
        }

        var total = now.Count;
        var done = now.Keys.Count(role => told.GetValueOrDefault(role));
        var notes = new List<string>();
        foreach (var reviewer in reviewers.DistinctBy(r => r.Role))
        {
            var approved = now[reviewer.Role!];
            var before = told.TryGetValue(reviewer.Role!, out var was) ? was : (bool?)null;
            if (before == approved || (before is null && !approved))
            {
                continue;
            }

            done += approved ? 1 : -1;
            notes.Add(ActivityNotes.Approval(reviewer.DisplayName ?? reviewer.Role!, Assignees(approvals, reviewer.Role!), approved, contract.Name, done, total, contract.Link));
        }

        return (notes, now);
    }

    /// <summary>The users assigned to the approval's role ("Frank Finance, Fiona Finance"), or null when none is named.</summary>
    private static string? Assignees(IroncladApprovals approvals, string role)
    {
        var names = (approvals.Roles ?? []).Where(r => r.Id == role)
            .SelectMany(r => r.Assignees ?? [])
            .Select(a => string.IsNullOrWhiteSpace(a.UserName) ? a.Email : a.UserName)
            .OfType<string>()
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }
}
