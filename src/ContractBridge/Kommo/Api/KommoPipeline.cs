using System.Text.Json.Serialization;

namespace ContractBridge.Kommo.Api;

public sealed record KommoPipeline(
    long Id,
    string Name,
    [property: JsonPropertyName("_embedded")] KommoPipelineEmbedded? Embedded)
{
    public IReadOnlyList<KommoStatus> Statuses => Embedded?.Statuses ?? [];
}

public sealed record KommoPipelineEmbedded(IReadOnlyList<KommoStatus>? Statuses);

/// <param name="Sort">The stage's place in its pipeline (lower comes first); Closed-Won and Closed-Lost come last.</param>
public sealed record KommoStatus(long Id, string Name, long PipelineId, int? Sort = null);
