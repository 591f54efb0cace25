using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

internal static class UserJson
{
    public static JsonObject Write(KommoUser user, KommoLinks links) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["email"] = user.Email,
        ["lang"] = "en",
        ["rights"] = new JsonObject
        {
            ["leads"] = new JsonObject { ["view"] = "A", ["edit"] = "A", ["add"] = "A", ["delete"] = user.IsAdmin ? "A" : "D", ["export"] = "A" },
            ["is_admin"] = user.IsAdmin,
            ["is_free"] = false,
            ["is_active"] = true,
            ["group_id"] = null,
            ["role_id"] = null,
        },
        ["_links"] = KommoLinks.Self(links.Api($"users/{user.Id}")),
    };
}
