namespace ContractBridge.Kommo.Api;

/// <summary>The account's <c>datetime_settings</c> (<c>GET /api/v4/account?with=datetime_settings</c>): its time zone, an IANA id.</summary>
public sealed record KommoDateTimeSettings(string? Timezone, string? TimezoneOffset);
