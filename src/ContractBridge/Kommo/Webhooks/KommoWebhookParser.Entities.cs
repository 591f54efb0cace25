namespace ContractBridge.Kommo.Webhooks;

/// <summary>
/// The contacts and companies of a form body: <c>contacts[update][0][id]=…&amp;contacts[update][0][type]=company</c>
/// (Kommo's own form for both: a recorded update_company body is a contact of type company), and
/// <c>companies[update][0][id]=…</c>. Ids must be positive integers, as for leads; a missing type means a contact.
/// </summary>
public static partial class KommoWebhookParser
{
    private sealed class EntityFields
    {
        private readonly SortedDictionary<(string Section, KommoLeadAction Action, int Index), (string? Id, string? Type)> _entities = new();

        public void Add(List<string> parts, string value, string key)
        {
            if (parts.Count < 4 || parts[0] is not ("contacts" or "companies") || !Actions.TryGetValue(parts[1], out var action))
            {
                return;
            }

            var slot = (parts[0], action, ParseIndex(parts[2], key));
            if (!_entities.TryGetValue(slot, out var fields) && _entities.Count >= MaxLeadsPerBody)
            {
                throw new WebhookFormatException($"The body holds more than {MaxLeadsPerBody} contacts and companies.");
            }

            // Only the id and the type matter to the bridge; the rest is read from the API.
            _entities[slot] = parts.Count != 4 ? fields : parts[3] switch
            {
                "id" => (value, fields.Type),
                "type" => (fields.Id, value),
                _ => fields,
            };
        }

        public IReadOnlyList<KommoEntityChange> ToChanges() => [.. _entities.Select(entry =>
        {
            var (section, action, index) = entry.Key;
            var prefix = $"{section}[{action.ToString().ToLowerInvariant()}][{index}]";
            var id = entry.Value.Id ?? throw new WebhookFormatException($"{prefix} has no [id].");
            var type = section == "companies" || string.Equals(entry.Value.Type, "company", StringComparison.OrdinalIgnoreCase)
                ? KommoEntityType.Company
                : KommoEntityType.Contact;
            return new KommoEntityChange(type, action, ParseId(id, $"{prefix}[id]"));
        })];
    }
}
