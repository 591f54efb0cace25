using System.Security.Cryptography;
using System.Text;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>
/// Ironclad's two ways in. The legacy API key acts for the company (launches name a <c>creator</c>); an OAuth
/// client-credentials token needs the route's scope (else 403 FORBIDDEN) and an <c>x-as-user-email</c> or
/// <c>x-as-user-id</c> header naming a user (else 400). Bad tokens get 401 UNAUTHORIZED with Ironclad's messages.
/// </summary>
public sealed class IroncladAuthenticator(string apiKey, OAuthTokenStore tokens, IroncladState state, TimeProvider time)
{
    private readonly byte[] _apiKey = Encoding.UTF8.GetBytes(apiKey);

    /// <param name="scope">The OAuth scope the route needs; null for routes any valid token may call.</param>
    public IroncladCaller Authenticate(HttpContext context, string? scope)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw Unauthorized("invalid authentication token");
        }

        var token = header["Bearer ".Length..].Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _apiKey))
        {
            return new IroncladCaller(IsLegacyToken: true, ActingUser(context, required: false));
        }

        var issued = tokens.Find(token) ?? throw Unauthorized("invalid authentication token");
        if (issued.Revoked)
        {
            throw Unauthorized("token has been revoked");
        }

        if (time.GetUtcNow() >= issued.ExpiresAt)
        {
            throw Unauthorized("token has expired");
        }

        if (scope is not null && !issued.Scopes.Contains(scope))
        {
            throw new IroncladApiException(StatusCodes.Status403Forbidden, new IroncladError(
                "FORBIDDEN", $"access forbidden: the token does not have the scope {scope}"));
        }

        return new IroncladCaller(IsLegacyToken: false, ActingUser(context, required: true));
    }

    private IroncladUser? ActingUser(HttpContext context, bool required)
    {
        var email = context.Request.Headers["x-as-user-email"].ToString();
        var id = context.Request.Headers["x-as-user-id"].ToString();
        if (email.Length > 0)
        {
            return state.FindUserByEmail(email) ?? throw IroncladApiException.BadRequest(
                IroncladError.InvalidParam($"no user with email {email} in this company", "x-as-user-email"));
        }

        if (id.Length > 0)
        {
            return state.FindUserById(id) ?? throw IroncladApiException.BadRequest(
                IroncladError.InvalidParam($"no user with id {id} in this company", "x-as-user-id"));
        }

        return required
            ? throw IroncladApiException.BadRequest(IroncladError.MissingParam(
                "x-as-user-email or x-as-user-id is required with a client credentials token", "x-as-user-email"))
            : null;
    }

    private static IroncladApiException Unauthorized(string message) =>
        new(StatusCodes.Status401Unauthorized, new IroncladError("UNAUTHORIZED", message));
}
