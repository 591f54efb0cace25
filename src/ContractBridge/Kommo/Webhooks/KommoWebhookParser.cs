using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Kommo.Webhooks;

/// <summary>
/// Reads Kommo's CRM webhooks: <c>application/x-www-form-urlencoded</c> with bracketed keys
/// (<c>leads[status][0][id]=…</c>, every value a string, several leads and actions per body), and the JSON
/// digital-pipeline shape (<c>{"leads":{"status":[{"id":…}]}}</c>). Strict about what the bridge acts on (ids must be
/// positive integers), tolerant of everything else Kommo adds. Bounded, so a hostile body costs little. Lead notes
/// (<c>leads[note][i][note][...]</c>) are read by <see cref="KommoNoteFields"/>. One file of just over 300 lines: the
/// form and JSON readers share their limits and number rules, which is what keeps them alike.
/// </summary>
public static partial class KommoWebhookParser
{
    /// <summary>More than any real body of 250 leads with their custom fields.</summary>
    public const int MaxFormFields = 50_000;

    /// <summary>The deepest real key is leads[status][0][custom_fields][0][values][0][value]: 7 parts.</summary>
    public const int MaxKeyDepth = 10;

    public const int MaxLeadsPerBody = 1_000;

    /// <summary>Throws on invalid bytes; one instance for every body (it holds no state between calls).</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static readonly Dictionary<string, KommoLeadAction> Actions = new(StringComparer.Ordinal)
    {
        ["status"] = KommoLeadAction.Status,
        ["add"] = KommoLeadAction.Add,
        ["update"] = KommoLeadAction.Update,
        ["delete"] = KommoLeadAction.Delete,
    };

    public static KommoWebhookParseResult Parse(string? contentType, ReadOnlyMemory<byte> body)
    {
        var mediaType = contentType?.Split(';')[0].Trim() ?? string.Empty;
        try
        {
            return mediaType.ToLowerInvariant() switch
            {
                "application/x-www-form-urlencoded" => ParseForm(body),
                "application/json" => ParseJson(body),
                _ => KommoWebhookParseResult.Fail(
                    $"Content type '{mediaType}' is not accepted: Kommo sends application/x-www-form-urlencoded (CRM webhooks) or application/json (digital pipeline)."),
            };
        }
        catch (Exception ex) when (ex is WebhookFormatException or KommoNoteFields.NoteFormatException)
        {
            return KommoWebhookParseResult.Fail(ex.Message);
        }
    }

    private static KommoWebhookParseResult ParseForm(ReadOnlyMemory<byte> body)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new WebhookFormatException("The body is not valid UTF-8.");
        }

        var leads = new SortedDictionary<(KommoLeadAction, int), Dictionary<string, string>>();
        var entities = new EntityFields();
        var notes = new KommoNoteFields(MaxLeadsPerBody);
        string? subdomain = null;
        long? accountId = null;
        var fields = 0;
        // One list for every key of the body: the readers below take strings out of it, never the list itself.
        var parts = new List<string>(MaxKeyDepth + 1);
        (KommoLeadAction, int) lastSlot = default;
        Dictionary<string, string>? lastLead = null;
        Dictionary<string, string>? lead;
        // Disposed so that its character buffer goes back to the pool: undisposed, every webhook rented a fresh one.
        using var reader = new FormReader(text) { ValueCountLimit = MaxFormFields, KeyLengthLimit = 512, ValueLengthLimit = 64 * 1024 };
        try
        {
            for (var pair = reader.ReadNextPair(); pair is not null; pair = reader.ReadNextPair())
            {
                if (++fields > MaxFormFields)
                {
                    throw new WebhookFormatException($"The form body is too large or malformed: more than {MaxFormFields} fields.");
                }

                SplitKey(pair.Value.Key, parts);
                if (parts[0] == "account" && parts.Count == 2)
                {
                    if (parts[1] == "subdomain")
                    {
                        subdomain = pair.Value.Value;
                    }
                    else if (parts[1] == "id")
                    {
                        accountId = ParseId(pair.Value.Value, pair.Value.Key);
                    }
                }
                else if (parts[0] == "leads" && parts[1] == KommoNoteFields.Section && parts.Count >= 4)
                {
                    notes.Add(ParseIndex(parts[2], pair.Value.Key), parts, pair.Value.Value);
                }
                else if (parts[0] == "leads" && parts.Count >= 4 && Actions.TryGetValue(parts[1], out var action))
                {
                    var index = ParseIndex(parts[2], pair.Value.Key);
                    // A lead's fields come one after the other: the lead of the previous field is the likely one.
                    if ((action, index) == lastSlot && lastLead is not null)
                    {
                        lead = lastLead;
                    }
                    else if (!leads.TryGetValue((action, index), out lead))
                    {
                        if (leads.Count >= MaxLeadsPerBody)
                        {
                            throw new WebhookFormatException($"The body holds more than {MaxLeadsPerBody} leads.");
                        }

                        lead = new Dictionary<string, string>(StringComparer.Ordinal);
                        leads.Add((action, index), lead);
                    }

                    (lastSlot, lastLead) = ((action, index), lead);

                    // Only top-level lead fields matter to the bridge; nested ones (custom_fields) are read from the API.
                    if (parts.Count == 4)
                    {
                        lead[parts[3]] = pair.Value.Value;
                    }
                }
                else
                {
                    entities.Add(parts, pair.Value.Value, pair.Value.Key);
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new WebhookFormatException($"The form body is too large or malformed: {ex.Message}");
        }

        if (fields == 0)
        {
            throw new WebhookFormatException("The body is empty: expected form fields such as leads[status][0][id].");
        }

        var changes = leads.Select(entry => ToChange(entry.Key.Item1, entry.Key.Item2, entry.Value)).ToList();
        return KommoWebhookParseResult.Ok(new KommoWebhook(changes, subdomain, accountId, DedupeKey(body), notes.ToNotes(ParseId)) { Entities = entities.ToChanges() });
    }

    private static KommoLeadChange ToChange(KommoLeadAction action, int index, Dictionary<string, string> fields)
    {
        var prefix = $"leads[{action.ToString().ToLowerInvariant()}][{index}]";
        if (!fields.TryGetValue("id", out var id))
        {
            throw new WebhookFormatException($"{prefix} has no [id].");
        }

        return new KommoLeadChange(
            action,
            ParseId(id, $"{prefix}[id]"),
            OptionalId(fields, "status_id", prefix),
            OptionalId(fields, "old_status_id", prefix),
            OptionalId(fields, "pipeline_id", prefix),
            OptionalId(fields, "old_pipeline_id", prefix),
            OptionalId(fields, "last_modified", prefix),
            OptionalId(fields, "modified_user_id", prefix),
            OptionalId(fields, "loss_reason_id", prefix));
    }

    private static long? OptionalId(Dictionary<string, string> fields, string name, string prefix) =>
        fields.TryGetValue(name, out var value) && value.Length > 0 ? ParseNumber(value, $"{prefix}[{name}]") : null;

    private static KommoWebhookParseResult ParseJson(ReadOnlyMemory<byte> body)
    {
        // JSON is UTF-8; the reader checks the structure, not the bytes inside strings (reading those would throw).
        if (!Utf8.IsValid(body.Span))
        {
            throw new WebhookFormatException("The body is not valid UTF-8.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException($"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("leads", out var leads) || leads.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookFormatException("The JSON body has no \"leads\" object: expected {\"leads\":{\"status\":[{\"id\":…,\"status_id\":…}]}}.");
            }

            var changes = new List<KommoLeadChange>();
            foreach (var section in leads.EnumerateObject())
            {
                if (!Actions.TryGetValue(section.Name, out var action))
                {
                    continue;
                }

                if (section.Value.ValueKind != JsonValueKind.Array)
                {
                    throw new WebhookFormatException($"leads.{section.Name} must be an array.");
                }

                var index = 0;
                foreach (var lead in section.Value.EnumerateArray())
                {
                    if (changes.Count >= MaxLeadsPerBody)
                    {
                        throw new WebhookFormatException($"The body holds more than {MaxLeadsPerBody} leads.");
                    }

                    changes.Add(ToChange(action, $"leads.{section.Name}[{index++}]", lead));
                }
            }

            var subdomain = root.TryGetProperty("account", out var account) && account.ValueKind == JsonValueKind.Object
                && account.TryGetProperty("subdomain", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
            return KommoWebhookParseResult.Ok(new KommoWebhook(changes, subdomain, null, DedupeKey(body)));
        }
    }

    private static KommoLeadChange ToChange(KommoLeadAction action, string path, JsonElement lead)
    {
        if (lead.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException($"{path} must be an object.");
        }

        var id = JsonNumber(lead, "id", path) ?? throw new WebhookFormatException($"{path} has no \"id\".");
        if (id <= 0)
        {
            throw new WebhookFormatException($"{path}.id must be a positive integer.");
        }

        return new KommoLeadChange(
            action,
            id,
            JsonNumber(lead, "status_id", path),
            JsonNumber(lead, "old_status_id", path),
            JsonNumber(lead, "pipeline_id", path),
            JsonNumber(lead, "old_pipeline_id", path),
            JsonNumber(lead, "last_modified", path),
            JsonNumber(lead, "modified_user_id", path),
            JsonNumber(lead, "loss_reason_id", path));
    }

    /// <summary>Kommo's JSON carries ids as numbers or as numeric strings; both are read.</summary>
    private static long? JsonNumber(JsonElement lead, string name, string path)
    {
        if (!lead.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String => ParseNumber(value.GetString()!, $"{path}.{name}"),
            _ => throw new WebhookFormatException($"{path}.{name} must be an integer."),
        };
    }

    private static string DedupeKey(ReadOnlyMemory<byte> body) => "kommo:" + Convert.ToHexStringLower(SHA256.HashData(body.Span));

    /// <summary>Splits "leads[status][0][id]" into ["leads","status","0","id"] (into <paramref name="parts"/>, emptied first); rejects anything else.</summary>
    private static void SplitKey(string key, List<string> parts)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        parts.Clear();
        parts.Add(open < 0 ? key : key[..open]);
        if (parts[0].Length == 0)
        {
            throw new WebhookFormatException($"The form key '{Shorten(key)}' has no name before its brackets.");
        }

        var position = open;
        while (position >= 0 && position < key.Length)
        {
            if (key[position] != '[')
            {
                throw new WebhookFormatException($"The form key '{Shorten(key)}' is not a valid bracketed key.");
            }

            var close = key.IndexOf(']', position);
            if (close < 0)
            {
                throw new WebhookFormatException($"The form key '{Shorten(key)}' has an unclosed bracket.");
            }

            var part = key[(position + 1)..close];
            if (part.Contains('[', StringComparison.Ordinal))
            {
                throw new WebhookFormatException($"The form key '{Shorten(key)}' is not a valid bracketed key.");
            }

            parts.Add(part);
            if (parts.Count > MaxKeyDepth)
            {
                throw new WebhookFormatException($"The form key '{Shorten(key)}' is nested deeper than {MaxKeyDepth} levels.");
            }

            position = close + 1;
        }
    }

    private static int ParseIndex(string text, string key)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= MaxLeadsPerBody)
        {
            throw new WebhookFormatException($"The form key '{Shorten(key)}' has an index that is not a number below {MaxLeadsPerBody}.");
        }

        return index;
    }

    private static long ParseId(string text, string name)
    {
        var id = ParseNumber(text, name);
        return id > 0 ? id : throw new WebhookFormatException($"{Shorten(name)} must be a positive integer, not '{Shorten(text)}'.");
    }

    /// <summary>Plain digits with an optional minus: long.TryParse alone also takes trailing NUL characters ("1\0" is 1).</summary>
    private static long ParseNumber(string text, string name) =>
        text.AsSpan(text.StartsWith('-') ? 1 : 0) is { Length: > 0 } digits && !digits.ContainsAnyExceptInRange('0', '9')
        && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new WebhookFormatException($"{Shorten(name)} must be an integer, not '{Shorten(text)}'.");

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private sealed class WebhookFormatException(string message) : Exception(message);
}
