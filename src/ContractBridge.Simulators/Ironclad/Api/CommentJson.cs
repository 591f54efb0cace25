using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// A comment as Ironclad's <c>ActivityFeedComment</c>: its author an <c>internalUser</c> of the company, or for a
/// counterparty's comment an <c>externalUser</c> of their company (and <c>isExternal</c>); a reply names the comment it
/// answers and that comment's author (<c>repliedTo</c>).
/// </summary>
public static class CommentJson
{
    /// <param name="feed">The workflow's comments, where a reply's original is found.</param>
    public static JsonObject Write(WorkflowComment comment, string companyName, IReadOnlyList<WorkflowComment> feed)
    {
        var json = new JsonObject
        {
            ["id"] = comment.Id,
            ["commentMessage"] = comment.Message,
            ["timestamp"] = comment.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["isExternal"] = comment.IsExternal,
            ["author"] = Author(comment, companyName),
            ["mentionedUserDetails"] = new JsonArray([.. comment.Mentioned.Select(u => (JsonNode)new JsonObject
            {
                ["id"] = u.Id,
                ["displayName"] = u.DisplayName,
                ["email"] = u.Email,
            })]),
            ["addedParticipants"] = new JsonArray(),
            ["reactions"] = new JsonArray(),
        };
        if (comment.RepliedToId is { } repliedTo && feed.FirstOrDefault(c => c.Id == repliedTo) is { } original)
        {
            json["repliedTo"] = new JsonObject { ["item"] = original.Id, ["itemAuthor"] = Author(original, companyName) };
        }

        return json;
    }

    private static JsonObject Author(WorkflowComment comment, string companyName) => comment.CounterpartyCompany is { } company
        ? new JsonObject
        {
            ["type"] = "externalUser",
            ["companyName"] = company,
            ["displayName"] = comment.Author.DisplayName,
            ["email"] = comment.Author.Email,
        }
        : new JsonObject
        {
            ["type"] = "internalUser",
            ["companyName"] = companyName,
            ["displayName"] = comment.Author.DisplayName,
            ["email"] = comment.Author.Email,
            ["userId"] = comment.Author.Id,
        };
}
