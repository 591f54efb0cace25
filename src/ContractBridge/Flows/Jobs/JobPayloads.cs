using System.Text.Json;
using ContractBridge.Engine.Jobs;

namespace ContractBridge.Flows.Jobs;

/// <summary>Job payloads are small JSON records; written once when the job is created, so a re-run does the same thing.</summary>
public static class JobPayloads
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>Reads a payload; a payload that cannot be read is a permanent failure (replaying cannot fix it).</summary>
    public static T Read<T>(Job job)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(job.Payload, Options) ?? throw new JsonException("empty payload");
        }
        catch (JsonException ex)
        {
            throw new InvalidJobPayloadException($"Job {job.Id} ({job.Kind}) has a payload that cannot be read: {ex.Message}");
        }
    }

    /// <summary>
    /// The one way a payload becomes a job: its kind, key and subject come with its type (see each request's ToJob). A job
    /// without a subject is about no deal one could look up yet (a contact's edit, a record before it leads to its deal).
    /// </summary>
    internal static NewJob Job<T>(string kind, string key, T payload, DateTimeOffset? notBefore = null, string? subject = null) =>
        new(kind, key, Write(payload), notBefore, Subject: subject);

    /// <summary>A job on a deal: keyed by its lead, and about it (<see cref="JobKinds.LeadKey"/> is both).</summary>
    internal static NewJob ForLead<T>(string kind, long leadId, T payload, DateTimeOffset? notBefore = null) =>
        Job(kind, JobKinds.LeadKey(leadId), payload, notBefore, JobKinds.LeadKey(leadId));

    /// <summary>
    /// A job on a workflow whose lead is not known when it is stored (an Ironclad webhook names only the workflow): its
    /// story finds it through the contract link of that workflow.
    /// </summary>
    internal static NewJob ForWorkflow<T>(string kind, string workflowId, T payload) =>
        Job(kind, JobKinds.WorkflowKey(workflowId), payload, subject: JobKinds.WorkflowKey(workflowId));
}
