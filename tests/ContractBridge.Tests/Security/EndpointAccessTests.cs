using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ContractBridge.Tests.Integration.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ContractBridge.Tests.Security;

/// <summary>
/// Every endpoint the service maps is either public by design (the webhooks, which carry their own authentication, the
/// health probes, the metrics, the dashboard's login form) or refuses a request without the admin token. The list is
/// read from the running app, so an endpoint added later (the dashboard's pages and admin actions) is checked too. The
/// test cannot pass on an empty list: the routes it must find are named, and each guarded one must answer 401 or 403
/// to a request without the token (a 404 would also be what an unguarded route answers for a missing id) and must
/// not refuse the right token, so its refusal is the guard's.
/// </summary>
public sealed partial class EndpointAccessTests(ITestOutputHelper output)
{
    private const string AdminToken = "admin-token-for-endpoint-tests-0123456789";
    private const string MetricsToken = "metrics-token-for-endpoint-tests-0123";

    /// <summary>Public by design, with the reason.</summary>
    private static readonly Dictionary<string, string> Public = new(StringComparer.Ordinal)
    {
        ["POST /webhooks/kommo"] = "Kommo webhook: the secret in the URL authenticates it (taken off the path before routing)",
        ["POST /webhooks/ironclad"] = "Ironclad webhook: RSA (or HMAC) signature",
        ["GET /healthz"] = "liveness probe",
        ["GET /readyz"] = "readiness probe",
        ["* /metrics"] = "Prometheus scrape (counts only; see the secret scan); Metrics:Token or Metrics:Port close it (tests below)",
        ["GET /login"] = "the dashboard's login form",
        ["POST /login"] = "the dashboard's login form",
        ["GET /oauth/kommo/callback"] = "Kommo's OAuth redirect back: a cross-site arrival carries no SameSite=Strict session; the one-use state started by an admin authenticates it",
    };

    private static readonly string[] Required = ["POST /webhooks/kommo", "POST /webhooks/ironclad", "GET /healthz", "GET /readyz"];

    /// <summary>Some of what must need the admin token: the dashboard's pages and its replay actions.</summary>
    private static readonly string[] RequiredGuarded = ["GET /", "GET /contracts", "GET /deals/{leadId:long}", "GET /jobs", "GET /jobs/{id:long}", "POST /jobs/{id:long}/replay", "POST /jobs/replay-dead"];

    [Fact]
    public async Task EveryEndpoint_IsPublicByDesign_OrRefusesRequestsWithoutTheAdminToken()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,

            // Every guarded endpoint is sent a wrong token: more than the login throttle lets one client send.
            ["ContractBridge:Dashboard:LoginFailuresPerClient"] = "1000",
        });
        var endpoints = ((IEndpointRouteBuilder)bridge.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();
        var guarded = endpoints.Where(e => !Public.ContainsKey($"{e.Method} {e.Pattern}")).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bridge.Url };

        Assert.All(Required, r => Assert.Contains(endpoints, e => $"{e.Method} {e.Pattern}" == r));
        Assert.All(RequiredGuarded, r => Assert.Contains(guarded, e => $"{e.Method} {e.Pattern}" == r));
        foreach (var (method, pattern) in guarded)
        {
            using var anonymous = await http.SendAsync(Request(method, pattern, token: null));
            using var wrongToken = await http.SendAsync(Request(method, pattern, AdminToken[..^1] + "x"));
            using var rightToken = await http.SendAsync(Request(method, pattern, AdminToken));

            Assert.True(IsRefused(anonymous), $"{method} {pattern} answered {(int)anonymous.StatusCode} without the admin token.");
            Assert.True(IsRefused(wrongToken), $"{method} {pattern} answered {(int)wrongToken.StatusCode} to a wrong admin token.");
            Assert.False(IsRefused(rightToken), $"{method} {pattern} refused the admin token ({(int)rightToken.StatusCode}), so its other refusals prove nothing.");
        }

        output.WriteLine($"{endpoints.Count} endpoints: {guarded.Count} need the admin token ({string.Join(", ", guarded.Select(g => $"{g.Method} {g.Pattern}"))}), the rest are public by design.");
    }

    /// <summary>A route's own parameters are filled with 1 (no such job: the guard must answer before the route looks).</summary>
    private static HttpRequestMessage Request(string method, string pattern, string? token)
    {
        var request = new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), new Uri(Parameter().Replace(pattern, "1"), UriKind.Relative));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        return request;
    }

    [Fact]
    public async Task Metrics_WithATokenSet_Refuses401WithoutIt_AndAnswersItsBearer()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Metrics:Token"] = MetricsToken,
        });

        using var anonymous = await bridge.Http.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var wrong = await ScrapeAsync(bridge.Http, "/metrics", MetricsToken[..^1] + "x");
        using var right = await ScrapeAsync(bridge.Http, "/metrics", MetricsToken);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (anonymous.StatusCode, wrong.StatusCode));
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Contains("Authorization: Bearer", await anonymous.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("# TYPE", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_OnAPortOfItsOwn_AreServedThereOnly_AndThatPortServesNothingElseButTheProbes()
    {
        var metricsPort = FreePort();
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
            ["ContractBridge:Metrics:Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var addresses = bridge.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        using var main = new HttpClient { BaseAddress = addresses.Single(a => a.Port != metricsPort) };
        using var metrics = new HttpClient { BaseAddress = addresses.Single(a => a.Port == metricsPort) };

        using var onMain = await main.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var spoofedHost = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative)) { Headers = { Host = $"127.0.0.1:{metricsPort}" } };
        using var onMainWithTheMetricsHost = await main.SendAsync(spoofedHost);
        using var onItsPort = await metrics.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var probe = await metrics.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var login = await metrics.GetAsync(new Uri("/login", UriKind.Relative));
        using var webhook = await metrics.PostAsync(new Uri("/webhooks/ironclad", UriKind.Relative), new StringContent("{}"));
        using var stillOnMain = await main.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (onMain.StatusCode, onMainWithTheMetricsHost.StatusCode));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (onItsPort.StatusCode, probe.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (login.StatusCode, webhook.StatusCode));
        Assert.Equal(HttpStatusCode.OK, stillOnMain.StatusCode);
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(HttpClient http, string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new("Bearer", bearer);
        return await http.SendAsync(request);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
