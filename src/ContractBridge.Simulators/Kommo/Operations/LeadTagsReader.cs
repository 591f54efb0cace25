using System.Text.Json;
using ContractBridge.Simulators.Kommo.Api;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.Operations;

/// <summary>
/// Reads a lead PATCH's tags: <c>_embedded.tags</c>, <c>tags_to_add</c> and <c>tags_to_delete</c>, each an array of
/// <c>{"id"}</c> or <c>{"name"}</c>. An id the account does not have is NotSupportedChoice; a tag with neither is
/// FieldMissing on its <c>name</c>; wrong JSON types are InvalidType.
/// </summary>
internal static class LeadTagsReader
{
    public static LeadTagChange Read(JsonElement item, KommoAccountData data, List<ValidationError> errors)
    {
        IReadOnlyList<TagReference>? replace = null;
        if (item.TryGetProperty("_embedded", out var embedded) && embedded.ValueKind == JsonValueKind.Object
            && embedded.TryGetProperty("tags", out var tags))
        {
            replace = ReadList(tags, "_embedded.tags", data, errors);
        }

        var add = item.TryGetProperty("tags_to_add", out var toAdd) ? ReadList(toAdd, "tags_to_add", data, errors) : [];
        var delete = item.TryGetProperty("tags_to_delete", out var toDelete) ? ReadList(toDelete, "tags_to_delete", data, errors) : [];
        return replace is null && add.Count == 0 && delete.Count == 0 ? LeadTagChange.None : new LeadTagChange(replace, add, delete);
    }

    private static List<TagReference> ReadList(JsonElement list, string path, KommoAccountData data, List<ValidationError> errors)
    {
        var references = new List<TagReference>();
        if (list.ValueKind == JsonValueKind.Null)
        {
            return references;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(ValidationError.InvalidType(path, "array"));
            return references;
        }

        var index = 0;
        foreach (var tag in list.EnumerateArray())
        {
            var tagPath = $"{path}.{index++}";
            if (tag.ValueKind != JsonValueKind.Object)
            {
                errors.Add(ValidationError.InvalidType(tagPath, "object"));
                continue;
            }

            if (tag.TryGetProperty("id", out var id))
            {
                if (!JsonRead.IsInteger(id))
                {
                    errors.Add(ValidationError.InvalidType($"{tagPath}.id", "int"));
                }
                else if (!data.Tags.ContainsKey(id.GetInt64()))
                {
                    errors.Add(ValidationError.NotSupportedChoice($"{tagPath}.id"));
                }
                else
                {
                    references.Add(new TagReference(id.GetInt64(), null));
                }

                continue;
            }

            var name = JsonRead.String(tag, "name", $"{tagPath}.name", errors);
            if (name is null)
            {
                if (!tag.TryGetProperty("name", out _))
                {
                    errors.Add(ValidationError.FieldMissing($"{tagPath}.name"));
                }
            }
            else if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(ValidationError.NotBlank($"{tagPath}.name"));
            }
            else
            {
                references.Add(new TagReference(null, name.Trim()));
            }
        }

        return references;
    }
}
