using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Wire;

/// <summary>
/// Builds the HAL links Kommo puts in every answer. They point at this simulator (not at kommo.com), so a client that
/// follows <c>_links.next</c> or the drive URL reaches the simulator. The base is read late: the port is known only
/// after start.
/// </summary>
internal sealed class KommoLinks(Func<Uri> baseUrl)
{
    /// <summary>The account's own URL, e.g. <c>http://127.0.0.1:5123</c> (Kommo: <c>https://acme.kommo.com</c>).</summary>
    public string Account => baseUrl().GetLeftPart(UriPartial.Authority);

    /// <summary>Where the account's files live; Kommo answers this as <c>drive_url</c>.</summary>
    public string Drive => Account + "/drive";

    public string Api(string relativePath) => $"{Account}/api/v4/{relativePath}";

    public static JsonObject Self(string href) => new() { ["self"] = Href(href) };

    public static JsonObject Href(string href) => new() { ["href"] = href };
}
