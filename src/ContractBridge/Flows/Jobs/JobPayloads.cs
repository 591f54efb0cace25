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

    /// <summary>The one way a payload becomes a job: its kind and key come with its type (see each request's ToJob).</summary>
    internal static NewJob Job<T>(string kind, string key, T payload, DateTimeOffset? notBefore = null) =>
        new(kind, key, Write(payload), notBefore);
}
