using ContractBridge.Kommo.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Kommo;

/// <summary>What the contract writeback and the deal preview read: custom field definitions and the account's time zone.</summary>
public sealed partial class KommoClient
{
    /// <summary>Kommo lists custom fields 50 to a page.</summary>
    public const int MaxCustomFieldsPerPage = 50;

    public Task<IReadOnlyList<KommoCustomField>> GetLeadCustomFieldsAsync(CancellationToken cancellationToken) =>
        GetCustomFieldsAsync("leads", cancellationToken);

    /// <summary>The custom field definitions of leads, contacts or companies (<c>GET /{entity}/custom_fields</c>, page by page).</summary>
    public Task<IReadOnlyList<KommoCustomField>> GetCustomFieldsAsync(string entityPath, CancellationToken cancellationToken) =>
        GetPagesAsync<CustomFieldsEmbedded, KommoCustomField>($"{entityPath}/custom_fields", [], MaxCustomFieldsPerPage, e => e.CustomFields, cancellationToken);

    /// <summary>The account's time zone (an IANA id such as Europe/Madrid); null when Kommo does not say.</summary>
    public async Task<string?> GetAccountTimeZoneAsync(CancellationToken cancellationToken)
    {
        var account = await GetJsonAsync<AccountDateTime>(QueryHelpers.AddQueryString("account", "with", "datetime_settings"), cancellationToken);
        return account?.DatetimeSettings?.Timezone;
    }

    private sealed record CustomFieldsEmbedded(IReadOnlyList<KommoCustomField>? CustomFields);

    private sealed record AccountDateTime(KommoDateTimeSettings? DatetimeSettings);
}
