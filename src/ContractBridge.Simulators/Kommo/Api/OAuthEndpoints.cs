using System.Text.Json;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Auth;

namespace ContractBridge.Simulators.Kommo.Api;

/// <summary>
/// <c>POST /oauth2/access_token</c>: exchanges an authorization code or a refresh token for a new pair. A refresh token
/// works once; its second use is a 401 whose body says "Token has been revoked".
/// </summary>
internal sealed partial class OAuthEndpoints(KommoApiContext api, ILogger logger)
{
    public void Map(IEndpointRouteBuilder routes) => routes.MapPost("/oauth2/access_token", GrantAsync);

    private async Task GrantAsync(HttpContext context)
    {
        var request = await ReadRequestAsync(context);
        if (request is null)
        {
            await KommoHttp.WriteBadRequestAsync(context, "Request body must be JSON or form data with client_id, client_secret, grant_type");
            return;
        }

        var grant = api.Tokens.Grant(request, api.Clock.UtcNow);
        if (!grant.Succeeded)
        {
            if (grant.ErrorHint == "Token has been revoked")
            {
                Log.RefreshTokenReused(logger);
            }

            await KommoHttp.WriteProblemAsync(context, grant.ErrorStatus, grant.ErrorHint!, new JsonObject { ["hint"] = grant.ErrorHint });
            return;
        }

        await KommoHttp.WriteJsonAsync(context, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = grant.ExpiresIn,
            ["access_token"] = grant.AccessToken,
            ["refresh_token"] = grant.RefreshToken,
        }, StatusCodes.Status200OK, "application/json");
    }

    /// <summary>Kommo documents a JSON body; form bodies (what most OAuth libraries send) are accepted too.</summary>
    private static async Task<TokenRequest?> ReadRequestAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return new TokenRequest(form["client_id"], form["client_secret"], form["grant_type"], form["refresh_token"], form["code"], form["redirect_uri"]);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? Text(string name) => body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return new TokenRequest(Text("client_id"), Text("client_secret"), Text("grant_type"), Text("refresh_token"), Text("code"), Text("redirect_uri"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
            Message = "Kommo OAuth: a refresh token was used a second time and refused as revoked (a real account would need re-authorization)")]
        public static partial void RefreshTokenReused(ILogger logger);
    }
}
