using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Checks launch attributes against a template's launch form, as Ironclad does: an attribute the form does not have or
/// a value of the wrong type is INVALID_PARAM naming it; required attributes left out are one MISSING_PARAM whose
/// <c>param</c> is a JSON-encoded array of their ids. Type errors are reported before missing ones.
/// Returns the attributes as they are stored: in form order, defaults filled in when asked, dates normalised.
/// </summary>
public static partial class AttributeValidator
{
    private const int MaxStringLength = 32_000;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static JsonObject Validate(WorkflowTemplate template, JsonObject attributes, bool useDefaultValues)
    {
        foreach (var (id, _) in attributes)
        {
            if (template.Find(id) is null)
            {
                throw Invalid(id, $"{id} is not an attribute of template {template.Name}");
            }
        }

        var result = new JsonObject();
        var missing = new List<string>();
        foreach (var attribute in template.Attributes)
        {
            var value = attributes[attribute.Id];
            if (value is null && useDefaultValues && attribute.Default is not null)
            {
                value = attribute.Default;
            }

            if (value is null)
            {
                if (attribute.Required)
                {
                    missing.Add(attribute.Id);
                }

                continue;
            }

            result[attribute.Id] = Check(attribute.Id, attribute.Type, attribute, value);
        }

        if (missing.Count > 0)
        {
            throw IroncladApiException.BadRequest(IroncladError.MissingParam(
                $"missing required attribute{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}",
                JsonSerializer.Serialize(missing)));
        }

        return result;
    }

    /// <summary>One value checked against its attribute's type, as stored (dates normalised); the attribute PATCH uses it.</summary>
    public static JsonNode CheckValue(TemplateAttribute attribute, JsonNode value) => Check(attribute.Id, attribute.Type, attribute, value);

    private static JsonNode Check(string id, string type, TemplateAttribute attribute, JsonNode value)
    {
        switch (type)
        {
            case AttributeTypes.String:
                var text = StringOf(value) ?? throw Invalid(id, $"{id} must be a string");
                if (text.Length > MaxStringLength)
                {
                    throw Invalid(id, $"{id} must be at most {MaxStringLength} characters");
                }

                if (attribute.Options is { } options && !options.Contains(text, StringComparer.Ordinal))
                {
                    throw Invalid(id, $"{id} must be one of [{string.Join(", ", options)}]");
                }

                return JsonValue.Create(text);
            case AttributeTypes.Number:
                return Kind(value) == JsonValueKind.Number ? value.DeepClone() : throw Invalid(id, $"{id} must be a number");
            case AttributeTypes.Boolean:
                return Kind(value) is JsonValueKind.True or JsonValueKind.False ? value.DeepClone() : throw Invalid(id, $"{id} must be a boolean");
            case AttributeTypes.Email:
                var email = StringOf(value);
                return email is not null && EmailPattern().IsMatch(email)
                    ? JsonValue.Create(email)
                    : throw Invalid(id, $"{id} must be a valid email address");
            case AttributeTypes.Date:
                return StringOf(value) is { } date && TryParseDate(date, out var parsed)
                    ? JsonValue.Create(WireNames.Timestamp(parsed))
                    : throw Invalid(id, $"{id} must be an ISO 8601 date");
            case AttributeTypes.MonetaryAmount:
                return CheckMonetaryAmount(id, value);
            case AttributeTypes.Address:
                return CheckObject(id, value, "an address {lines, locality, region, postcode, country}", (key, field) => key switch
                {
                    "lines" => field is JsonArray lines && lines.All(l => StringOf(l) is not null),
                    "locality" or "region" or "postcode" or "country" => StringOf(field) is not null,
                    _ => false,
                });
            case AttributeTypes.Duration:
                return CheckObject(id, value, "a duration {years, months, weeks, days}", (key, field) =>
                    key is "years" or "months" or "weeks" or "days" && Kind(field) == JsonValueKind.Number && JsonNumbers.ToDouble(field!.AsValue()) >= 0);
            case AttributeTypes.Array:
                if (value is not JsonArray array)
                {
                    throw Invalid(id, $"{id} must be an array");
                }

                var elementType = attribute.ElementType ?? AttributeTypes.String;
                return new JsonArray([.. array.Select(item =>
                    item is null ? throw Invalid(id, $"{id} must not contain null") : Check(id, elementType, attribute with { Options = null }, item))]);
            default:
                throw Invalid(id, $"{id} has type {type}, which the simulator cannot take at launch (document uploads are not simulated)");
        }
    }

    private static JsonNode CheckMonetaryAmount(string id, JsonNode value)
    {
        var description = $"{id} must be a monetary amount {{\"currency\":\"USD\",\"amount\":25.37}}";
        if (value is not JsonObject money || money.Count != 2
            || StringOf(money["currency"]) is not { } currency || !CurrencyPattern().IsMatch(currency)
            || Kind(money["amount"]) != JsonValueKind.Number)
        {
            throw Invalid(id, description);
        }

        return money.DeepClone();
    }

    private static JsonNode CheckObject(string id, JsonNode value, string description, Func<string, JsonNode?, bool> fieldIsValid)
    {
        if (value is not JsonObject obj || obj.Count == 0 || !obj.All(p => fieldIsValid(p.Key, p.Value)))
        {
            throw Invalid(id, $"{id} must be {description}");
        }

        return obj.DeepClone();
    }

    private static bool TryParseDate(string text, out DateTimeOffset parsed) => DateTimeOffset.TryParseExact(
        text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed);

    private static JsonValueKind Kind(JsonNode? node) => node is JsonValue value ? value.GetValueKind() : JsonValueKind.Undefined;

    private static string? StringOf(JsonNode? node) => Kind(node) == JsonValueKind.String ? node!.GetValue<string>() : null;

    private static IroncladApiException Invalid(string id, string message) =>
        IroncladApiException.BadRequest(IroncladError.InvalidParam(message, id));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
