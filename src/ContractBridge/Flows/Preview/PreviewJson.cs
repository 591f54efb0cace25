using System.Text.Encodings.Web;
using System.Text.Json;

namespace ContractBridge.Flows.Preview;

/// <summary>The JSON of a <see cref="DealPreviewReport"/>, one shape for `contracts preview --json` and <c>GET /api/preview/{leadId}</c>.</summary>
public static class PreviewJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>One value on one line for a terminal: letters as they are (é, not \u00E9); never for HTML.</summary>
    public static readonly JsonSerializerOptions Display = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DealPreviewReport report) => JsonSerializer.Serialize(report, Options);
}
