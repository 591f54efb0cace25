using ContractBridge.Simulators.Kommo.Model;

namespace ContractBridge.Simulators.Kommo.Store;

/// <summary>
/// Everything one simulated Kommo account holds. Not thread-safe by itself: only <see cref="KommoStore"/> hands it out,
/// under its lock. Sorted by id so lists come back in a stable order, as Kommo's do by default.
/// </summary>
internal sealed class KommoAccountData
{
    public SortedDictionary<long, KommoUser> Users { get; } = [];

    public SortedDictionary<long, KommoPipeline> Pipelines { get; } = [];

    public SortedDictionary<long, KommoLossReason> LossReasons { get; } = [];

    public SortedDictionary<long, CustomFieldDefinition> CustomFields { get; } = [];

    public SortedDictionary<long, KommoLead> Leads { get; } = [];

    /// <summary>The leads' tags, by id.</summary>
    public SortedDictionary<long, KommoTag> Tags { get; } = [];

    public SortedDictionary<long, KommoContact> Contacts { get; } = [];

    public SortedDictionary<long, KommoCompany> Companies { get; } = [];

    public SortedDictionary<long, KommoNote> Notes { get; } = [];

    public SortedDictionary<long, KommoTask> Tasks { get; } = [];

    public Dictionary<Guid, DriveFile> Files { get; } = [];

    public Dictionary<string, UploadSession> UploadSessions { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<long, WebhookSubscription> Webhooks { get; } = [];

    /// <summary>The event feed, oldest first (ids grow with time).</summary>
    public List<KommoEvent> Events { get; } = [];

    public KommoIdSequences Ids { get; } = new();

    /// <summary>The account's admin: API integrations act as this user.</summary>
    public long OwnerUserId { get; set; }

    public IEnumerable<CustomFieldDefinition> FieldsOf(string entityType) =>
        CustomFields.Values.Where(f => string.Equals(f.EntityType, entityType, StringComparison.Ordinal));

    /// <summary>Finds the stage in the pipeline; 142 and 143 exist in every pipeline.</summary>
    public KommoStatus? FindStatus(long pipelineId, long statusId) =>
        Pipelines.TryGetValue(pipelineId, out var pipeline) ? pipeline.FindStatus(statusId) : null;

    public KommoPipeline? MainPipeline => Pipelines.Values.FirstOrDefault(p => p.IsMain) ?? Pipelines.Values.FirstOrDefault();

    public IEnumerable<KommoLead> LeadsOfContact(long contactId) =>
        Leads.Values.Where(l => l.Contacts.Exists(c => c.ContactId == contactId));

    public IEnumerable<KommoLead> LeadsOfCompany(long companyId) => Leads.Values.Where(l => l.CompanyId == companyId);

    public IEnumerable<KommoContact> ContactsOfCompany(long companyId) => Contacts.Values.Where(c => c.CompanyId == companyId);
}
