using System.Globalization;
using ContractBridge.Flows.Jobs;

namespace ContractBridge.Flows.Story;

/// <summary>
/// A job's subject, read back: a lead ("lead:{id}") or a workflow whose lead was not known when the job was stored
/// ("workflow:{id}"; its contract link names the lead). The same strings as <see cref="JobKinds.LeadKey"/> and
/// <see cref="JobKinds.WorkflowKey"/>, which make them.
/// </summary>
public readonly record struct DealSubject(long? LeadId, string? WorkflowId)
{
    private const string LeadPrefix = "lead:";
    private const string WorkflowPrefix = "workflow:";

    /// <summary>The subject <paramref name="subject"/> names, or null for one about no deal.</summary>
    public static DealSubject? Parse(string? subject)
    {
        if (subject is null)
        {
            return null;
        }

        if (subject.StartsWith(LeadPrefix, StringComparison.Ordinal)
            && long.TryParse(subject.AsSpan(LeadPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var leadId))
        {
            return new DealSubject(leadId, null);
        }

        return subject.StartsWith(WorkflowPrefix, StringComparison.Ordinal) && subject.Length > WorkflowPrefix.Length
            ? new DealSubject(null, subject[WorkflowPrefix.Length..])
            : null;
    }
}
