using System.Text.Json;

namespace ContractBridge.Flows.Preview;

/// <summary>The JSON of a <see cref="DealPreviewReport"/>, one shape for `contracts preview --json` and <c>GET /api/preview/{leadId}</c>.</summary>
public static class PreviewJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(DealPreviewReport report) => JsonSerializer.Serialize(report, Options);
}
