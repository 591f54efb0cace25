using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// <c>POST /oauth/token</c>, client-credentials grant only, answering as RFC 6749 says: the token JSON, or
/// <c>{"error","error_description"}</c> (400, or 401 for a wrong client). Client credentials come in the form or as HTTP Basic.
/// The token carries the scopes asked for that the client was granted (<see cref="IroncladSimulatorOptions.OAuthClientScopes"/>), named in <c>scope</c>.
/// </summary>
public static class OAuthTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder routes, IroncladServices services) =>
        routes.MapPost("/oauth/token", (Func<HttpContext, Task<IResult>>)(context => IssueAsync(context, services)));

    private static async Task<IResult> IssueAsync(HttpContext context, IroncladServices services)
    {
        if (!context.Request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"].ToString() != "client_credentials")
        {
            return Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }

        var (clientId, clientSecret) = ClientCredentials(context, form);
        if (!Same(clientId, services.Options.OAuthClientId) || !Same(clientSecret, services.Options.OAuthClientSecret))
        {
            return Error(StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");
        }

        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var unknown = requested.FirstOrDefault(s => !IroncladScopes.All.Contains(s, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_scope", $"unknown scope {unknown}");
        }

        var granted = services.Options.OAuthClientScopes ?? IroncladScopes.All;
        var scopes = (requested.Length > 0 ? requested : IroncladScopes.All).Intersect(granted, StringComparer.Ordinal).ToArray();
        var token = services.Tokens.Issue(scopes);
        return IroncladJson.Result(new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)services.Tokens.Lifetime.TotalSeconds,
            ["scope"] = string.Join(' ', scopes),
        });
    }

    private static (string Id, string Secret) ClientCredentials(HttpContext context, IFormCollection form)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    private static bool Same(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static IResult Error(int status, string error, string description) =>
        IroncladJson.Result(new JsonObject { ["error"] = error, ["error_description"] = description }, status);
}
