using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>A record as Ironclad answers it (RecordModel in the OpenAPI description). Call under the state lock.</summary>
public static class RecordJsonWriter
{
    public static JsonObject Write(ContractRecord record, Uri baseUrl)
    {
        var api = baseUrl.GetLeftPart(UriPartial.Authority) + WorkflowJsonWriter.ApiPrefix;
        var properties = (JsonObject)record.Properties.DeepClone();
        if (record.ExpirationDate is { } expiration)
        {
            properties["expirationDate"] = new JsonObject { ["type"] = "date", ["value"] = Day(expiration) };
        }

        var status = new JsonObject
        {
            ["status"] = record.ContractStatus.Status,
            ["enhancedStatus"] = record.ContractStatus.EnhancedStatus,
        };
        if (record.ContractStatus.EventDate is { } eventDate)
        {
            status["eventDate"] = WireNames.Timestamp(eventDate);
        }

        if (record.ContractStatus.Message is { } message)
        {
            status["message"] = message;
        }

        return new JsonObject
        {
            ["id"] = record.Id,
            ["ironcladId"] = record.IroncladId,
            ["type"] = record.Type,
            ["name"] = record.Name,
            ["lastUpdated"] = WireNames.Timestamp(record.LastUpdated),
            ["properties"] = properties,
            ["attachments"] = new JsonObject
            {
                ["signedCopy"] = new JsonObject
                {
                    ["filename"] = $"{record.Name}.pdf",
                    ["contentType"] = "application/pdf",
                    ["href"] = $"{api}/records/{record.Id}/attachments/signedCopy",
                },
            },
            ["links"] = new JsonArray(),
            ["childIds"] = new JsonArray(),
            ["contractStatus"] = status,
            ["source"] = new JsonObject { ["type"] = "workflow", ["workflowId"] = $"workflow:{record.WorkflowId}" },
        };
    }

    /// <summary>A date property's value: the day at midnight UTC, as Ironclad writes dates (<c>2024-12-31T00:00:00Z</c>).</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
