using System.Text.Json.Serialization;

namespace ContractBridge.Kommo.Api;

/// <summary>A lead (deal) as GET /api/v4/leads returns it. <see cref="CustomFieldsValues"/> is null when empty.</summary>
public sealed record KommoLead(
    long Id,
    string? Name,
    decimal? Price,
    long? ResponsibleUserId,
    long StatusId,
    long PipelineId,
    long? UpdatedAt,
    long? LossReasonId,
    IReadOnlyList<KommoCustomFieldValue>? CustomFieldsValues,
    [property: JsonPropertyName("_embedded")] KommoLeadEmbedded? Embedded)
{
    /// <summary>The main contact (<c>is_main</c>), else the first one, else none.</summary>
    public long? MainContactId =>
        (Embedded?.Contacts?.FirstOrDefault(c => c.IsMain == true) ?? Embedded?.Contacts?.FirstOrDefault())?.Id;

    public long? CompanyId => Embedded?.Companies?.FirstOrDefault()?.Id;
}

public sealed record KommoLeadEmbedded(IReadOnlyList<KommoEntityLink>? Contacts, IReadOnlyList<KommoEntityLink>? Companies);

public sealed record KommoEntityLink(long Id, bool? IsMain);
