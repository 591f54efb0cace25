using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>A comment as Ironclad's <c>ActivityFeedComment</c>: its author an <c>internalUser</c> of the company.</summary>
public static class CommentJson
{
    public static JsonObject Write(WorkflowComment comment, string companyName) => new()
    {
        ["id"] = comment.Id,
        ["commentMessage"] = comment.Message,
        ["timestamp"] = comment.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["isExternal"] = false,
        ["author"] = new JsonObject
        {
            ["type"] = "internalUser",
            ["companyName"] = companyName,
            ["displayName"] = comment.Author.DisplayName,
            ["email"] = comment.Author.Email,
            ["userId"] = comment.Author.Id,
        },
        ["mentionedUserDetails"] = new JsonArray([.. comment.Mentioned.Select(u => (JsonNode)new JsonObject
        {
            ["id"] = u.Id,
            ["displayName"] = u.DisplayName,
            ["email"] = u.Email,
        })]),
        ["addedParticipants"] = new JsonArray(),
        ["reactions"] = new JsonArray(),
    };
}
