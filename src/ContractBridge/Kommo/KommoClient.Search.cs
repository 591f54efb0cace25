using System.Globalization;
using ContractBridge.Kommo.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Kommo;

/// <summary>What the dashboard's dry run offers when a person types a deal's name instead of its number.</summary>
public sealed partial class KommoClient
{
    /// <summary>
    /// Leads whose fields match the words (<c>GET /leads?query=</c>, Kommo's own search), newest first, at most
    /// <paramref name="limit"/>; none when Kommo finds none (it answers 204).
    /// </summary>
    public async Task<IReadOnlyList<KommoLead>> SearchLeadsAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var path = QueryHelpers.AddQueryString("leads", new Dictionary<string, string?>
        {
            ["query"] = query,
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["order[id]"] = "desc",
        });
        var page = await GetJsonAsync<EmbeddedList<LeadsEmbedded>>(path, cancellationToken);
        return page?.Embedded?.Leads ?? [];
    }
}
