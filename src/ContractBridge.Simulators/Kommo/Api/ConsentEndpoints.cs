using System.Text.Encodings.Web;
using Microsoft.AspNetCore.WebUtilities;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// Kommo's consent step of the authorization-code flow. <c>GET /oauth?client_id=…&amp;state=…</c> is the page an admin
/// is sent to (Kommo serves it at www.kommo.com/oauth; here the simulator's own host): it names the integration and the
/// account and offers "Allow". <c>POST /oauth/allow</c> is that button: a 302 to the integration's redirect URI with
/// <c>code</c>, <c>state</c> (as given) and <c>referer</c>, the account's host, where the code is exchanged within 20
/// minutes. An unknown client id is refused on the page, as Kommo does, and never redirects.
/// </summary>
internal sealed class ConsentEndpoints(KommoApiContext api)
{
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/oauth", ShowAsync);
        routes.MapPost("/oauth/allow", AllowAsync);
    }

    private Task ShowAsync(HttpContext context)
    {
        var clientId = context.Request.Query["client_id"].ToString();
        var state = context.Request.Query["state"].ToString();
        if (clientId != api.Options.ClientId)
        {
            return WritePageAsync(context, StatusCodes.Status400BadRequest, "<h1>Integration not found</h1><p>No integration has this client_id.</p>");
        }

        var html = HtmlEncoder.Default;
        return WritePageAsync(context, StatusCodes.Status200OK, $"""
            <h1>Grant access</h1>
            <p>The integration <b>{html.Encode(clientId)}</b> asks for access to the account <b>{html.Encode(api.Options.AccountName)}</b> ({html.Encode(AccountHost(context))}).</p>
            <form method="post" action="/oauth/allow">
              <input type="hidden" name="client_id" value="{html.Encode(clientId)}">
              <input type="hidden" name="state" value="{html.Encode(state)}">
              <button type="submit" id="allow">Allow</button>
            </form>
            """);
    }

    private async Task AllowAsync(HttpContext context)
    {
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        if (form is null || form["client_id"].ToString() != api.Options.ClientId)
        {
            await WritePageAsync(context, StatusCodes.Status400BadRequest, "<h1>Integration not found</h1><p>No integration has this client_id.</p>");
            return;
        }

        var code = api.Tokens.IssueAuthorizationCode(api.Clock.UtcNow);
        var location = QueryHelpers.AddQueryString(api.Tokens.RedirectUri, new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = form["state"].ToString(),
            ["referer"] = AccountHost(context),
        });
        context.Response.Redirect(location);
    }

    /// <summary>The account's host as Kommo names it in <c>referer</c> (acme.kommo.com); here the simulator's own host and port.</summary>
    private static string AccountHost(HttpContext context) => context.Request.Host.Value ?? "localhost";

    private static Task WritePageAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"<!doctype html><html><head><title>Kommo</title></head><body>{body}</body></html>", context.RequestAborted);
    }
}
