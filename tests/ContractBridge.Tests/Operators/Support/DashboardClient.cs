using System.Net;
using System.Text.RegularExpressions;
using ContractBridge.Tests.Integration.Support;

namespace ContractBridge.Tests.Operators.Support;

/// <summary>A browser-like client for the dashboard: no automatic redirects, the session cookie kept by hand, forms posted with their CSRF token.</summary>
internal sealed partial class DashboardClient : IDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly HttpClient _http;
    private string? _cookie;

    public DashboardClient(BridgeHarness bridge)
    {
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bridge.Url };
    }

    public static IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?> { ["ContractBridge:Dashboard:AdminToken"] = AdminToken };

    public string? SetCookieHeader { get; private set; }

    public async Task<HttpResponseMessage> LoginAsync(string token)
    {
        var response = await _http.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("token", token)]));
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            SetCookieHeader = cookies.First();
            _cookie = SetCookieHeader.Split(';')[0];
        }

        return response;
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearer = null)
    {
        using var request = Request(HttpMethod.Get, path, bearer);
        return await _http.SendAsync(request);
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
        request.Content = new FormUrlEncodedContent(csrf is null ? [] : [new KeyValuePair<string, string>("csrf", csrf)]);
        return await _http.SendAsync(request);
    }

    /// <summary>The CSRF token the page's forms carry.</summary>
    public static string Csrf(string page) => CsrfField().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no form with a CSRF token.");

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Request(HttpMethod method, string path, string? bearer)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        else if (_cookie is not null)
        {
            request.Headers.Add("Cookie", _cookie);
        }

        return request;
    }

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();
}
