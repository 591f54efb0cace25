using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>A pipeline with its stages in <c>_embedded.statuses</c>, as <c>GET /api/v4/leads/pipelines</c> answers.</summary>
internal static class PipelineJson
{
    public static JsonObject Write(KommoPipeline pipeline, KommoLinks links, long accountId)
    {
        var statuses = new JsonArray();
        foreach (var status in pipeline.Statuses)
        {
            statuses.Add(WriteStatus(status, links, accountId));
        }

        return new JsonObject
        {
            ["id"] = pipeline.Id,
            ["name"] = pipeline.Name,
            ["sort"] = pipeline.Sort,
            ["is_main"] = pipeline.IsMain,
            ["is_unsorted_on"] = false,
            ["is_archive"] = false,
            ["account_id"] = accountId,
            ["_links"] = KommoLinks.Self(links.Api($"leads/pipelines/{pipeline.Id}")),
            ["_embedded"] = new JsonObject { ["statuses"] = statuses },
        };
    }

    public static JsonObject WriteStatus(KommoStatus status, KommoLinks links, long accountId) => new()
    {
        ["id"] = status.Id,
        ["name"] = status.Name,
        ["sort"] = status.Sort,
        ["is_editable"] = !KommoStatus.IsClosed(status.Id),
        ["pipeline_id"] = status.PipelineId,
        ["color"] = status.Color,
        ["type"] = 0,
        ["account_id"] = accountId,
        ["_links"] = KommoLinks.Self(links.Api($"leads/pipelines/{status.PipelineId}/statuses/{status.Id}")),
    };
}
