using System.Globalization;
using System.Net.Mail;
using System.Text.Json.Nodes;

namespace ContractBridge.Flows.Mapping;

/// <summary>
/// Turns a deal value into the JSON an Ironclad attribute of a given type takes: string (≤ 32,000 characters), number,
/// boolean, date (ISO 8601), email, monetaryAmount (<c>{"amount","currency"}</c>). Other types (address, duration,
/// arrays, documents) cannot be filled from Kommo fields.
/// </summary>
public static class AttributeCoercion
{
    public const int MaxStringLength = 32_000;

    public static readonly IReadOnlySet<string> FillableTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "string", "number", "boolean", "date", "email", "monetaryAmount",
    };

    /// <summary>Whether a source of <paramref name="kind"/> can ever fill <paramref name="type"/>; custom fields (Any) are checked per value.</summary>
    public static bool IsCompatible(SourceKind kind, string type) => type.ToLowerInvariant() switch
    {
        "string" => true,
        "number" or "monetaryamount" => kind is SourceKind.Number or SourceKind.Any,
        "boolean" => kind is SourceKind.Flag or SourceKind.Any,
        "date" => kind is SourceKind.Day or SourceKind.Number or SourceKind.Any,
        "email" => kind is SourceKind.Email or SourceKind.Any,
        _ => false,
    };

    public static bool TryCoerce(SourceValue value, string type, string currency, out JsonNode? node, out string error)
    {
        node = null;
        error = string.Empty;
        switch (type.ToLowerInvariant())
        {
            case "string":
                var text = value.AsText();
                if (text.Length > MaxStringLength)
                {
                    error = $"is {text.Length:N0} characters long; Ironclad takes at most {MaxStringLength:N0}";
                    return false;
                }

                node = JsonValue.Create(text);
                return true;
            case "number":
                if (AsNumber(value) is not { } number)
                {
                    error = $"must be a number, but the value is '{Shorten(value)}'";
                    return false;
                }

                node = JsonValue.Create(number);
                return true;
            case "monetaryamount":
                if (AsNumber(value) is not { } amount)
                {
                    error = $"must be an amount of money, but the value is '{Shorten(value)}'";
                    return false;
                }

                node = new JsonObject { ["amount"] = amount, ["currency"] = currency };
                return true;
            case "boolean":
                if (AsFlag(value) is not { } flag)
                {
                    error = $"must be yes/no, but the value is '{Shorten(value)}'";
                    return false;
                }

                node = JsonValue.Create(flag);
                return true;
            case "date":
                if (AsDay(value) is not { } day)
                {
                    error = $"must be a date, but the value is '{Shorten(value)}'";
                    return false;
                }

                node = JsonValue.Create(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return true;
            case "email":
                var email = value.AsText().Trim();
                if (!IsEmail(email))
                {
                    error = $"must be an email address, but the value is '{Shorten(value)}'";
                    return false;
                }

                node = JsonValue.Create(email);
                return true;
            default:
                error = $"has type {type}, which the bridge cannot fill from Kommo";
                return false;
        }
    }

    private static decimal? AsNumber(SourceValue value) => value switch
    {
        SourceValue.Number n => n.Value,
        SourceValue.Text t when decimal.TryParse(t.Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static bool? AsFlag(SourceValue value) => value switch
    {
        SourceValue.Flag f => f.Value,
        SourceValue.Number n when n.Value is 0 or 1 => n.Value == 1,
        SourceValue.Text t => t.Value.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Kommo date fields are unix seconds; text dates are ISO 8601.</summary>
    private static DateOnly? AsDay(SourceValue value) => value switch
    {
        SourceValue.Day d => d.Value,
        SourceValue.Number n when n.Value is > 0 and < 32503680000m => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds((long)n.Value).UtcDateTime),
        SourceValue.Text t when DateOnly.TryParseExact(t.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
        SourceValue.Text t when DateTimeOffset.TryParse(t.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment) => DateOnly.FromDateTime(moment.UtcDateTime),
        _ => null,
    };

    private static bool IsEmail(string text) =>
        text.Length <= 254 && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);

    private static string Shorten(SourceValue value)
    {
        var text = value.AsText();
        return text.Length <= 60 ? text : text[..60] + "…";
    }
}
