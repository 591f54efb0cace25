using System.Text.RegularExpressions;
using ContractBridge.Configuration;
using ContractBridge.Setup;

namespace ContractBridge.Web.Dashboard;

/// <summary>
/// Masks every configured secret (API keys, tokens, client secrets, webhook secrets, the admin and viewer tokens) in text the
/// dashboard shows. Job errors and event summaries come from outside and are not supposed to hold secrets; this makes
/// sure that a mistake elsewhere still does not put one on a screen. The Kommo webhook URL ends with its secret, so any
/// such path is masked too.
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Shorter values are not secrets anyone uses, and masking them would garble ordinary text.</summary>
    private const int ShortestSecret = 6;

    private readonly IReadOnlyList<string> _secrets;
    private readonly UpstreamConnections? _connections;

    /// <param name="connections">The connections in force, whose secrets (made at /setup) are masked as they change.</param>
    public SecretRedactor(IOptions<BridgeOptions> options, UpstreamConnections? connections = null)
    {
        _connections = connections;
        var o = options.Value;
        string?[] values =
        [
            o.Kommo.AccessToken, o.Kommo.WebhookSecret, o.Kommo.OAuth?.ClientSecret, o.Kommo.OAuth?.RefreshToken,
            o.Ironclad.ApiKey, o.Ironclad.OAuth?.ClientSecret, o.Ironclad.WebhookSecret, o.Dashboard.AdminToken, o.Dashboard.ViewerToken,
        ];
        _secrets = Maskable(values);
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = KommoWebhookPath().Replace(text, "/webhooks/kommo/" + Mask);
        var secrets = _connections is null ? _secrets : [.. _secrets, .. Maskable(_connections.Secrets)];
        foreach (var secret in secrets.OrderByDescending(s => s.Length))
        {
            masked = masked.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return masked;
    }

    private static List<string> Maskable(IEnumerable<string?> values) =>
        [.. values
            .Where(v => v is { Length: >= ShortestSecret })
            .SelectMany(v => new[] { v!, Uri.EscapeDataString(v!) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(v => v.Length)];

    [GeneratedRegex(@"/webhooks/kommo/[^\s/?#""'<>]+", RegexOptions.CultureInvariant)]
    private static partial Regex KommoWebhookPath();
}
