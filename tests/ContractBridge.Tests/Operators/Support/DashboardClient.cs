using System.Net;
using System.Text.RegularExpressions;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// A browser-like client for the dashboard: no automatic redirects, cookies (the session's and antiforgery's) kept by
/// hand, forms posted with the antiforgery token their page carries (the login form's taken from /login first).
/// </summary>
internal sealed partial class DashboardClient : IDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    public const string ViewerToken = "test-viewer-token-0123456789";

    private const string FormField = "__RequestVerificationToken";

    private readonly HttpClient _http;
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public DashboardClient(BridgeHarness bridge)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bridge.Url };
    }

    public static IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?> { ["ContractBridge:Dashboard:AdminToken"] = AdminToken };

    public static IReadOnlyDictionary<string, string?> WithViewer => new Dictionary<string, string?>
    {
        ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
        ["ContractBridge:Dashboard:ViewerToken"] = ViewerToken,
    };

    /// <summary>The session cookie the last login set, as its Set-Cookie header said it.</summary>
    public string? SetCookieHeader { get; private set; }

    public async Task<HttpResponseMessage> LoginAsync(string token)
    {
        string? formToken;
        using (var form = await GetAsync("/login"))
        {
            formToken = FormToken(await form.Content.ReadAsStringAsync());
        }

        using var request = Request(HttpMethod.Post, "/login", bearer: null);
        request.Content = new FormUrlEncodedContent(formToken is null ? [new("token", token)] : [new("token", token), new(FormField, formToken)]);
        var response = await SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.FirstOrDefault(c => c.StartsWith("cb_dashboard=", StringComparison.Ordinal)) is { } session)
        {
            SetCookieHeader = session;
        }

        return response;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearer = null)
    {
        using var request = Request(HttpMethod.Get, path, bearer);
        return await SendAsync(request);
    }

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<HttpResponseMessage> PostAsync(string path, string? csrf, string? bearer = null)
    {
        using var request = Request(HttpMethod.Post, path, bearer);
        request.Content = new FormUrlEncodedContent(csrf is null ? [] : [new KeyValuePair<string, string>(FormField, csrf)]);
        return await SendAsync(request);
    }

    /// <summary>A form of several fields, with the antiforgery token (a field may repeat, as a form's may).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string csrf, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = Request(HttpMethod.Post, path, bearer: null);
        request.Content = new FormUrlEncodedContent(fields.Append(new(FormField, csrf)));
        return await SendAsync(request);
    }

    /// <summary>The antiforgery token the page's forms carry.</summary>
    public static string Csrf(string page) => FormToken(page) ?? throw new InvalidOperationException("The page has no form with an antiforgery token.");

    public void Dispose() => _http.Dispose();

    private static string? FormToken(string page) => FormTokenField().Match(page) is { Success: true } match ? match.Groups[1].Value : null;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';')[0];
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..at], pair[(at + 1)..]);
                if (value.Length == 0)
                {
                    _cookies.Remove(name);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? bearer)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        else if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
