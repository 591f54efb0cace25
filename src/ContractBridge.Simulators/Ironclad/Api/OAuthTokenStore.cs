using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>Access tokens issued by <c>POST /oauth/token</c>, with their scopes, expiry and revocation.</summary>
public sealed class OAuthTokenStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    public string Issue(IReadOnlyList<string> scopes)
    {
        var token = RandomNumberGenerator.GetHexString(48, lowercase: true);
        _tokens[token] = new IssuedToken(new HashSet<string>(scopes, StringComparer.Ordinal), time.GetUtcNow() + lifetime);
        return token;
    }

    /// <summary>Null when the token was never issued; otherwise the token, which may be expired or revoked.</summary>
    public IssuedToken? Find(string token) => _tokens.GetValueOrDefault(token);

    /// <summary>Revokes every token issued so far (an admin rotating the client secret).</summary>
    public void RevokeAll()
    {
        foreach (var (token, issued) in _tokens)
        {
            _tokens[token] = issued with { Revoked = true };
        }
    }

    public void Clear() => _tokens.Clear();
}
