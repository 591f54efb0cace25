using System.Net;
using System.Text.RegularExpressions;
using ContractBridge.Tests.Integration.Support;
using Microsoft.AspNetCore.Routing;
using Xunit.Abstractions;

namespace ContractBridge.Tests.Security;

/// <summary>
/// Every endpoint the service maps is either public by design (the webhooks, which carry their own authentication, the
/// health probes, the metrics, the dashboard's login form) or refuses a request without the admin token. The list is
/// read from the running app, so an endpoint added later (the dashboard's pages and admin actions) is checked too.
/// </summary>
public sealed partial class EndpointAccessTests(ITestOutputHelper output)
{
    private const string AdminToken = "admin-token-for-endpoint-tests-0123456789";

    /// <summary>Public by design, with the reason.</summary>
    private static readonly Dictionary<string, string> Public = new(StringComparer.Ordinal)
    {
        ["POST /webhooks/kommo"] = "Kommo webhook: the secret in the URL authenticates it (taken off the path before routing)",
        ["POST /webhooks/ironclad"] = "Ironclad webhook: RSA (or HMAC) signature",
        ["GET /healthz"] = "liveness probe",
        ["GET /readyz"] = "readiness probe",
        ["* /metrics"] = "Prometheus scrape (counts only; see the secret scan)",
        ["GET /login"] = "the dashboard's login form",
        ["POST /login"] = "the dashboard's login form",
    };

    private static readonly string[] Required = ["POST /webhooks/kommo", "POST /webhooks/ironclad", "GET /healthz", "GET /readyz"];

    [Fact]
    public async Task EveryEndpoint_IsPublicByDesign_OrRefusesRequestsWithoutTheAdminToken()
    {
        await using var bridge = await BridgeHarness.StartAsync(registerWebhooks: false, configuration: _ => new Dictionary<string, string?>
        {
            ["ContractBridge:Dashboard:AdminToken"] = AdminToken,
        });
        var endpoints = ((IEndpointRouteBuilder)bridge.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .ToList();
        var guarded = endpoints.Where(e => !Public.ContainsKey($"{e.Method} {e.Pattern}")).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = bridge.Url };

        foreach (var (method, pattern) in guarded)
        {
            var path = Parameter().Replace(pattern, "1");
            var verb = method == "*" ? "GET" : method;
            using var anonymous = await http.SendAsync(new HttpRequestMessage(new HttpMethod(verb), new Uri(path, UriKind.Relative)));
            using var wrongToken = new HttpRequestMessage(new HttpMethod(verb), new Uri(path, UriKind.Relative));
            wrongToken.Headers.TryAddWithoutValidation("Authorization", "Bearer " + AdminToken[..^1] + "x");
            using var refused = await http.SendAsync(wrongToken);

            Assert.True(IsRefused(anonymous), $"{method} {pattern} answered {(int)anonymous.StatusCode} without the admin token.");
            Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{method} {pattern} answered {(int)refused.StatusCode} to a wrong admin token.");
        }

        Assert.All(Required, r => Assert.Contains(endpoints, e => $"{e.Method} {e.Pattern}" == r));
        output.WriteLine($"{endpoints.Count} endpoints: {guarded.Count} need the admin token ({string.Join(", ", guarded.Select(g => $"{g.Method} {g.Pattern}"))}), the rest are public by design.");
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
