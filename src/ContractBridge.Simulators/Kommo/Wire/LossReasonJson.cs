using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

internal static class LossReasonJson
{
    public static JsonObject Write(KommoLossReason reason, KommoLinks links) => new()
    {
        ["id"] = reason.Id,
        ["name"] = reason.Name,
        ["sort"] = reason.Sort,
        ["created_at"] = reason.CreatedAt,
        ["updated_at"] = reason.CreatedAt,
        ["_links"] = KommoLinks.Self(links.Api($"leads/loss_reasons/{reason.Id}")),
    };
}
