using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>Writes <c>custom_fields_values</c>: null (not []) when an entity has none, as Kommo does.</summary>
internal static class CustomFieldValuesJson
{
    public static JsonNode? Write(IReadOnlyCollection<CustomFieldValue> values, KommoAccountData data)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var value in values)
        {
            if (!data.CustomFields.TryGetValue(value.FieldId, out var field))
            {
                continue;
            }

            array.Add(new JsonObject
            {
                ["field_id"] = field.Id,
                ["field_name"] = field.Name,
                ["field_code"] = field.Code,
                ["field_type"] = field.Type,
                ["values"] = WriteItems(value.Values),
            });
        }

        return array.Count == 0 ? null : array;
    }

    private static JsonArray WriteItems(IEnumerable<CustomFieldValueItem> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            var written = new JsonObject { ["value"] = item.Value?.DeepClone() };
            if (item.EnumId is { } enumId)
            {
                written["enum_id"] = enumId;
                written["enum_code"] = item.EnumCode;
            }

            array.Add(written);
        }

        return array;
    }
}
