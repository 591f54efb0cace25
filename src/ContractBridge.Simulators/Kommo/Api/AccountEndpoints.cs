using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Wire;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary><c>GET /api/v4/account</c> (with <c>?with=drive_url</c>, <c>datetime_settings</c>) and the account's users.</summary>
internal sealed class AccountEndpoints(KommoApiContext api, long createdAt)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v4/account", GetAccountAsync);
        routes.MapGet("/api/v4/users", ListUsersAsync);
        routes.MapGet("/api/v4/users/{id:long}", GetUserAsync);
    }

    private Task GetAccountAsync(HttpContext context)
    {
        var owner = api.Store.Read(data => data.OwnerUserId);
        var account = new JsonObject
        {
            ["id"] = api.AccountId,
            ["name"] = api.Options.AccountName,
            ["subdomain"] = api.Options.Subdomain,
            ["created_at"] = createdAt,
            ["created_by"] = owner,
            ["updated_at"] = createdAt,
            ["updated_by"] = owner,
            ["current_user_id"] = owner,
            ["country"] = "US",
            ["currency"] = api.Options.Currency,
            ["currency_symbol"] = api.Options.Currency == "USD" ? "$" : api.Options.Currency,
            ["customers_mode"] = "disabled",
            ["is_unsorted_on"] = false,
            ["is_loss_reason_enabled"] = true,
            ["is_helpbot_enabled"] = false,
            ["is_technical_account"] = false,
            ["contact_name_display_order"] = 1,
            ["_links"] = KommoLinks.Self(api.Links.Api("account")),
        };
        var with = ListQuery.ParseWith(context.Request.Query);
        if (with.Contains("drive_url"))
        {
            account["drive_url"] = api.Links.Drive;
        }

        if (with.Contains("datetime_settings"))
        {
            account["datetime_settings"] = DateTimeSettings();
        }

        return KommoHttp.WriteHalAsync(context, account);
    }

    /// <summary>The account's date and time formats and its time zone, with the zone's offset now ("+03:00").</summary>
    private JsonObject DateTimeSettings()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(api.Options.TimeZone);
        var offset = zone.GetUtcOffset(DateTimeOffset.FromUnixTimeSeconds(api.Now()));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return new JsonObject
        {
            ["date_pattern"] = "m/d/Y H:i",
            ["short_date_pattern"] = "m/d/Y",
            ["short_time_pattern"] = "H:i",
            ["date_format"] = "m/d/Y",
            ["time_format"] = "H:i",
            ["timezone"] = api.Options.TimeZone,
            ["timezone_offset"] = sign + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private Task ListUsersAsync(HttpContext context)
    {
        var (query, problem) = ListQuery.Parse(context.Request.Query);
        if (query is null)
        {
            return KommoHttp.WriteBadRequestAsync(context, problem!);
        }

        var (items, hasMore) = api.Store.Read(data =>
        {
            var page = query.PageOf(data.Users.Values, out var more);
            return (page.Select(u => UserJson.Write(u, api.Links)).ToList(), more);
        });
        return HalList.WriteAsync(context, query, "users", items, hasMore, api.Links);
    }

    private Task GetUserAsync(HttpContext context)
    {
        var id = KommoApiContext.RouteId(context);
        var user = api.Store.Read(data => data.Users.TryGetValue(id, out var u) ? UserJson.Write(u, api.Links) : null);
        return user is null ? KommoHttp.WriteNoContent(context) : KommoHttp.WriteHalAsync(context, user);
    }
}
