using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Unicode;

namespace ContractBridge.Ironclad.Webhooks;

/// <summary>
/// Reads the two bodies Ironclad's webhooks come in, after their signature has been verified: Ironclad's thin envelope
/// and the seed document's dialect. Strict about what the bridge acts on (the event's name, a workflow id that is a
/// short token), tolerant of every other field Ironclad adds.
/// </summary>
public static class IroncladWebhookParser
{
    /// <summary>Ironclad's envelope: <c>{"companyID","payload":{"event","templateID","workflowID"},"timestamp","webhookID"}</c>.</summary>
    /// <param name="eventId">The <c>X-Ironclad-Webhook-Event-Id</c> header the signature covered: the event's identity.</param>
    public static IroncladWebhookParseResult ParseEnvelope(ReadOnlyMemory<byte> body, string eventId) => Parse(body, root =>
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return IroncladWebhookParseResult.Fail("The body has no \"payload\" object.");
        }

        var name = String(payload, "event");
        var workflowId = String(payload, "workflowID") ?? String(payload, "workflowId");
        if (name is null)
        {
            return IroncladWebhookParseResult.Fail("payload.event is missing.");
        }

        if (workflowId is not null && !IsWorkflowId(workflowId))
        {
            return IroncladWebhookParseResult.Fail("payload.workflowID is not a workflow id.");
        }

        // Record events name a record instead (recordID, spelled like workflowID; recordId accepted too).
        var recordId = String(payload, "recordID") ?? String(payload, "recordId");
        if (recordId is not null && !IsWorkflowId(recordId))
        {
            return IroncladWebhookParseResult.Fail("payload.recordID is not a record id.");
        }

        return IroncladWebhookParseResult.Ok(new IroncladWebhook(name, workflowId, null, "ironclad:" + eventId, IroncladWebhookDialect.Envelope) { RecordId = recordId });
    });

    /// <summary>The seed's dialect: <c>{"event":"workflow.state.changed","workflowId","workflowStatus"}</c>; no event id, so the body's hash dedupes.</summary>
    public static IroncladWebhookParseResult ParseSeed(ReadOnlyMemory<byte> body) => Parse(body, root =>
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return IroncladWebhookParseResult.Fail("The body must be a JSON object.");
        }

        var name = String(root, "event");
        var workflowId = String(root, "workflowId");
        if (name is null || workflowId is null || !IsWorkflowId(workflowId))
        {
            return IroncladWebhookParseResult.Fail("The body needs \"event\" and a valid \"workflowId\".");
        }

        var dedupe = "ironclad-seed:" + Convert.ToHexStringLower(SHA256.HashData(body.Span));
        return IroncladWebhookParseResult.Ok(new IroncladWebhook(name, workflowId, String(root, "workflowStatus"), dedupe, IroncladWebhookDialect.Seed));
    });

    private static IroncladWebhookParseResult Parse(ReadOnlyMemory<byte> body, Func<JsonElement, IroncladWebhookParseResult> read)
    {
        // JsonDocument checks the structure, not the bytes inside strings, which throw only when read. The envelope's RSA
        // check has read them already; the seed's HMAC covers raw bytes, so nothing has. Checked for both all the same, so
        // that the parser is safe on its own.
        if (!Utf8.IsValid(body.Span))
        {
            return IroncladWebhookParseResult.Fail("The body is not valid UTF-8.");
        }

        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = JavaScriptJson.MaxDepth });
            return read(document.RootElement);
        }
        catch (JsonException ex)
        {
            return IroncladWebhookParseResult.Fail($"The body is not valid JSON: {ex.Message}");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Ironclad ids are short tokens (hex ids, UUIDs, IC-123): anything else (paths, traversal, control characters) is refused.</summary>
    private static bool IsWorkflowId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
