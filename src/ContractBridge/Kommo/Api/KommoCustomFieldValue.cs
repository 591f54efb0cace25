using System.Globalization;
using System.Text.Json;

namespace ContractBridge.Kommo.Api;

/// <summary>One custom field's values: <c>{"field_id","field_name","field_code","field_type","values":[{"value","enum_code"}]}</c>.</summary>
public sealed record KommoCustomFieldValue(
    long FieldId,
    string? FieldName,
    string? FieldCode,
    string? FieldType,
    IReadOnlyList<KommoFieldValue>? Values);

/// <summary>A value is a string, number or boolean depending on the field type.</summary>
public sealed record KommoFieldValue(JsonElement Value, string? EnumCode, long? EnumId)
{
    public string? AsText() => Value.ValueKind switch
    {
        JsonValueKind.String => Value.GetString(),
        JsonValueKind.Number => Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => Value.GetRawText(),
    };

    public static string? FormatNumber(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
