using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>A drive file as the last upload part and <c>GET {drive}/v1.0/files/{uuid}</c> answer it.</summary>
internal static class DriveFileJson
{
    public static JsonObject Write(DriveFile file, KommoLinks links)
    {
        var extension = Path.GetExtension(file.Name).TrimStart('.');
        var actor = new JsonObject { ["id"] = file.CreatedBy, ["type"] = "user" };
        return new JsonObject
        {
            ["id"] = file.Id,
            ["uuid"] = file.Uuid.ToString(),
            ["version_uuid"] = file.VersionUuid.ToString(),
            ["name"] = file.Name,
            ["sanitized_name"] = file.Name,
            ["type"] = "file",
            ["size"] = file.Content.LongLength,
            ["is_trashed"] = false,
            ["has_multiple_versions"] = false,
            ["source_id"] = null,
            ["created_at"] = file.CreatedAt,
            ["created_by"] = actor,
            ["updated_at"] = file.CreatedAt,
            ["updated_by"] = actor.DeepClone(),
            ["deleted_at"] = null,
            ["deleted_by"] = null,
            ["metadata"] = new JsonObject { ["extension"] = extension, ["mime_type"] = file.ContentType },
            ["_links"] = new JsonObject
            {
                ["self"] = KommoLinks.Href($"{links.Drive}/v1.0/files/{file.Uuid}"),
                ["download"] = KommoLinks.Href($"{links.Drive}/download/{file.Uuid}"),
                ["download_version"] = KommoLinks.Href($"{links.Drive}/download/{file.Uuid}/{file.VersionUuid}"),
            },
        };
    }
}
