using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>The short "{id, _links}" form Kommo uses for entities embedded in another entity.</summary>
internal static class EmbeddedLinks
{
    public static JsonArray Leads(IEnumerable<KommoLead> leads, KommoLinks links)
    {
        var array = new JsonArray();
        foreach (var lead in leads)
        {
            array.Add(new JsonObject { ["id"] = lead.Id, ["_links"] = KommoLinks.Self(links.Api($"leads/{lead.Id}")) });
        }

        return array;
    }
}
