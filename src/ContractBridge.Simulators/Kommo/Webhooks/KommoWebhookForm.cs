using System.Net;
using System.Text;

namespace ContractBridge.Simulators.Kommo.Webhooks;

/// <summary>
/// Builds the <c>application/x-www-form-urlencoded</c> body of one Kommo webhook: <c>leads[status][0][id]=...</c> for
/// each lead of each action (<c>contacts[update][0][...]</c> for contacts and companies), then <c>account[subdomain]</c>, <c>account[id]</c>, <c>account[_links][self]</c>.
/// Brackets are percent-encoded and spaces become '+', as PHP's http_build_query writes them.
/// </summary>
internal static class KommoWebhookForm
{
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(
        IEnumerable<LeadEvent> events,
        string subdomain,
        long accountId,
        string accountUrl)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var group in events.GroupBy(e => (e.Section, e.Action)))
        {
            var index = 0;
            foreach (var leadEvent in group)
            {
                foreach (var (key, value) in leadEvent.Fields)
                {
                    fields.Add(new($"{group.Key.Section}[{group.Key.Action}][{index}]{Bracket(key)}", value));
                }

                index++;
            }
        }

        fields.Add(new("account[subdomain]", subdomain));
        fields.Add(new("account[id]", accountId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        fields.Add(new("account[_links][self]", accountUrl));
        return fields;
    }

    public static byte[] Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        Encoding.UTF8.GetBytes(string.Join('&', fields.Select(f => $"{WebUtility.UrlEncode(f.Key)}={WebUtility.UrlEncode(f.Value)}")));

    /// <summary>"id" becomes "[id]"; "custom_fields[0][id]" becomes "[custom_fields][0][id]".</summary>
    private static string Bracket(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        return open < 0 ? $"[{key}]" : $"[{key[..open]}]{key[open..]}";
    }
}
