using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// A lead in the v2 field names Kommo's webhooks still use (id, status_id, old_status_id, last_modified, date_create,
/// custom_fields[i][values][j][value], ...). Every value is a string, as in a form body.
/// </summary>
internal static class LeadWebhookFields
{
    public static IReadOnlyList<KeyValuePair<string, string>> Of(
        KommoLead lead,
        KommoAccountData data,
        long accountId,
        long modifiedUserId,
        long? oldStatusId = null,
        long? oldPipelineId = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string key, long value) => fields.Add(new(key, value.ToString(CultureInfo.InvariantCulture)));

        Add("id", lead.Id);
        fields.Add(new("name", lead.Name));
        Add("status_id", lead.StatusId);
        if (oldStatusId is { } oldStatus)
        {
            Add("old_status_id", oldStatus);
        }

        Add("pipeline_id", lead.PipelineId);
        if (oldPipelineId is { } oldPipeline)
        {
            Add("old_pipeline_id", oldPipeline);
        }

        Add("price", lead.Price);
        Add("responsible_user_id", lead.ResponsibleUserId);
        Add("last_modified", lead.UpdatedAt);
        Add("modified_user_id", modifiedUserId);
        Add("created_user_id", lead.CreatedBy);
        Add("date_create", lead.CreatedAt);
        if (lead.LossReasonId is { } lossReason)
        {
            Add("loss_reason_id", lossReason);
        }

        AddCustomFields(fields, lead.CustomFields, data);
        var tagIndex = 0;
        foreach (var tag in Operations.LeadTags.Of(lead, data))
        {
            fields.Add(new($"tags[{tagIndex}][id]", tag.Id.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new($"tags[{tagIndex++}][name]", tag.Name));
        }

        Add("account_id", accountId);
        return fields;
    }

    public static void AddCustomFields(List<KeyValuePair<string, string>> fields, IEnumerable<CustomFieldValue> values, KommoAccountData data)
    {
        var index = 0;
        foreach (var value in values)
        {
            if (!data.CustomFields.TryGetValue(value.FieldId, out var field))
            {
                continue;
            }

            var prefix = $"custom_fields[{index}]";
            fields.Add(new($"{prefix}[id]", field.Id.ToString(CultureInfo.InvariantCulture)));
            fields.Add(new($"{prefix}[name]", field.Name));
            if (field.Code is not null)
            {
                fields.Add(new($"{prefix}[code]", field.Code));
            }

            for (var i = 0; i < value.Values.Count; i++)
            {
                var item = value.Values[i];
                fields.Add(new($"{prefix}[values][{i}][value]", AsString(item.Value)));
                if (item.EnumId is { } enumId)
                {
                    fields.Add(new($"{prefix}[values][{i}][enum]", enumId.ToString(CultureInfo.InvariantCulture)));
                }
            }

            index++;
        }
    }

    /// <summary>Form bodies have no types: true is "1", false "0", numbers as written, as PHP's http_build_query does.</summary>
    private static string AsString(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return value?.ToJsonString() ?? "";
        }

        return scalar.GetValueKind() switch
        {
            JsonValueKind.String => scalar.GetValue<string>(),
            JsonValueKind.True => "1",
            JsonValueKind.False => "0",
            _ => scalar.ToJsonString(),
        };
    }
}
