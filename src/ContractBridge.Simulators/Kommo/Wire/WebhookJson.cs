using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

internal static class WebhookJson
{
    public static JsonObject Write(WebhookSubscription webhook, long accountId)
    {
        var settings = new JsonArray();
        foreach (var setting in webhook.Settings)
        {
            settings.Add(setting);
        }

        return new JsonObject
        {
            ["id"] = webhook.Id,
            ["destination"] = webhook.Destination.ToString(),
            ["created_at"] = webhook.CreatedAt,
            ["updated_at"] = webhook.UpdatedAt,
            ["account_id"] = accountId,
            ["created_by"] = webhook.CreatedBy,
            ["sort"] = webhook.Sort,
            ["disabled"] = webhook.Disabled,
            ["settings"] = settings,
        };
    }
}
