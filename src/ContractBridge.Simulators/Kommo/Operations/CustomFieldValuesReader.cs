using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Reads <c>custom_fields_values</c> from a request, checking each value against its field's type the way Kommo does:
/// unknown fields and choices are NotSupportedChoice, wrong JSON types are InvalidType, with dotted paths such as
/// <c>custom_fields_values.0.values.0.value</c>.
/// </summary>
internal static class CustomFieldValuesReader
{
    public static List<CustomFieldValueChange> Read(JsonElement element, string path, string entityType, KommoAccountData data, List<ValidationError> errors)
    {
        var changes = new List<CustomFieldValueChange>();
        if (element.ValueKind == JsonValueKind.Null)
        {
            return changes;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(ValidationError.InvalidType(path, "array"));
            return changes;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = $"{path}.{index++}";
            var field = ReadField(item, itemPath, entityType, data, errors);
            if (field is null)
            {
                continue;
            }

            if (!item.TryGetProperty("values", out var values))
            {
                errors.Add(ValidationError.FieldMissing($"{itemPath}.values"));
                continue;
            }

            if (values.ValueKind == JsonValueKind.Null)
            {
                changes.Add(new CustomFieldValueChange(field.Id, null));
                continue;
            }

            if (values.ValueKind != JsonValueKind.Array)
            {
                errors.Add(ValidationError.InvalidType($"{itemPath}.values", "array"));
                continue;
            }

            var items = new List<CustomFieldValueItem>();
            var valueIndex = 0;
            foreach (var value in values.EnumerateArray())
            {
                var read = ReadValue(value, $"{itemPath}.values.{valueIndex++}", field, errors);
                if (read is not null)
                {
                    items.Add(read);
                }
            }

            changes.Add(new CustomFieldValueChange(field.Id, items));
        }

        return changes;
    }

    private static CustomFieldDefinition? ReadField(JsonElement item, string itemPath, string entityType, KommoAccountData data, List<ValidationError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationError.InvalidType(itemPath, "object"));
            return null;
        }

        if (item.TryGetProperty("field_id", out var fieldId))
        {
            if (!JsonRead.IsInteger(fieldId))
            {
                errors.Add(ValidationError.InvalidType($"{itemPath}.field_id", "int"));
                return null;
            }

            var found = data.CustomFields.GetValueOrDefault(fieldId.GetInt64());
            if (found is null || found.EntityType != entityType)
            {
                errors.Add(ValidationError.NotSupportedChoice($"{itemPath}.field_id"));
                return null;
            }

            return found;
        }

        if (item.TryGetProperty("field_code", out var code) && code.ValueKind == JsonValueKind.String)
        {
            var found = data.FieldsOf(entityType).FirstOrDefault(f => string.Equals(f.Code, code.GetString(), StringComparison.Ordinal));
            if (found is null)
            {
                errors.Add(ValidationError.NotSupportedChoice($"{itemPath}.field_code"));
            }

            return found;
        }

        errors.Add(ValidationError.FieldMissing($"{itemPath}.field_id"));
        return null;
    }

    private static CustomFieldValueItem? ReadValue(JsonElement value, string path, CustomFieldDefinition field, List<ValidationError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationError.InvalidType(path, "object"));
            return null;
        }

        return field.Type switch
        {
            CustomFieldTypes.Select or CustomFieldTypes.Multiselect or CustomFieldTypes.Radiobutton => ReadChoice(value, path, field, errors),
            CustomFieldTypes.Multitext => ReadMultitext(value, path, field, errors),
            _ => ReadScalar(value, path, field.Type, errors),
        };
    }

    private static CustomFieldValueItem? ReadScalar(JsonElement value, string path, string type, List<ValidationError> errors)
    {
        if (!value.TryGetProperty("value", out var raw))
        {
            errors.Add(ValidationError.FieldMissing($"{path}.value"));
            return null;
        }

        var valuePath = $"{path}.value";
        JsonNode? accepted = type switch
        {
            CustomFieldTypes.Checkbox => raw.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValue.Create(raw.GetBoolean()) : null,
            CustomFieldTypes.Date or CustomFieldTypes.DateTime => JsonRead.IsInteger(raw) ? JsonValue.Create(raw.GetInt64()) : null,
            CustomFieldTypes.Numeric or CustomFieldTypes.Price => raw.ValueKind switch
            {
                JsonValueKind.Number => JsonNode.Parse(raw.GetRawText()),
                JsonValueKind.String when decimal.TryParse(raw.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out _) => JsonValue.Create(raw.GetString()),
                _ => null,
            },
            _ => raw.ValueKind switch
            {
                JsonValueKind.String => JsonValue.Create(raw.GetString()),
                JsonValueKind.Number => JsonValue.Create(raw.GetRawText()),
                _ => null,
            },
        };
        if (accepted is null)
        {
            errors.Add(ValidationError.InvalidType(valuePath, ExpectedType(type)));
            return null;
        }

        return new CustomFieldValueItem(accepted, null, null);
    }

    private static CustomFieldValueItem? ReadChoice(JsonElement value, string path, CustomFieldDefinition field, List<ValidationError> errors)
    {
        CustomFieldEnum? choice = null;
        if (value.TryGetProperty("enum_id", out var enumId))
        {
            choice = JsonRead.IsInteger(enumId) ? field.FindEnum(enumId.GetInt64()) : null;
            if (choice is null)
            {
                errors.Add(ValidationError.NotSupportedChoice($"{path}.enum_id"));
                return null;
            }
        }
        else if (value.TryGetProperty("value", out var text))
        {
            choice = text.ValueKind == JsonValueKind.String ? field.FindEnum(text.GetString()!) : null;
            if (choice is null)
            {
                errors.Add(ValidationError.NotSupportedChoice($"{path}.value"));
                return null;
            }
        }
        else
        {
            errors.Add(ValidationError.FieldMissing($"{path}.enum_id"));
            return null;
        }

        return new CustomFieldValueItem(JsonValue.Create(choice.Value), choice.Id, null);
    }

    /// <summary>EMAIL and PHONE values: a string plus its kind (WORK, PRIV, MOB, ...), WORK when none is given.</summary>
    private static CustomFieldValueItem? ReadMultitext(JsonElement value, string path, CustomFieldDefinition field, List<ValidationError> errors)
    {
        if (!value.TryGetProperty("value", out var text) || text.ValueKind != JsonValueKind.String)
        {
            errors.Add(text.ValueKind == JsonValueKind.Undefined
                ? ValidationError.FieldMissing($"{path}.value")
                : ValidationError.InvalidType($"{path}.value", "string"));
            return null;
        }

        CustomFieldEnum? kind;
        if (value.TryGetProperty("enum_code", out var code))
        {
            kind = code.ValueKind == JsonValueKind.String ? field.FindEnum(code.GetString()!) : null;
            if (kind is null)
            {
                errors.Add(ValidationError.NotSupportedChoice($"{path}.enum_code"));
                return null;
            }
        }
        else if (value.TryGetProperty("enum_id", out var enumId))
        {
            kind = JsonRead.IsInteger(enumId) ? field.FindEnum(enumId.GetInt64()) : null;
            if (kind is null)
            {
                errors.Add(ValidationError.NotSupportedChoice($"{path}.enum_id"));
                return null;
            }
        }
        else
        {
            kind = field.Enums[0];
        }

        return new CustomFieldValueItem(JsonValue.Create(text.GetString()), kind.Id, kind.Value);
    }

    private static string ExpectedType(string fieldType) => fieldType switch
    {
        CustomFieldTypes.Checkbox => "bool",
        CustomFieldTypes.Date or CustomFieldTypes.DateTime => "int",
        CustomFieldTypes.Numeric or CustomFieldTypes.Price => "numeric",
        _ => "string",
    };
}
