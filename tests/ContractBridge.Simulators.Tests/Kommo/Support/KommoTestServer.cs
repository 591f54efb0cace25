using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Kommo.Control;

namespace ContractBridge.Simulators.Tests.Kommo.Support;

/// <summary>
/// One Kommo simulator on loopback for one test, with an HTTP client that carries the long-lived token and one that
/// carries nothing. Rate limits are raised by default so only the tests about limits meet them.
/// </summary>
public sealed class KommoTestServer : IAsyncDisposable
{
    private KommoTestServer(KommoSimulator simulator)
    {
        Simulator = simulator;
        Api = NewClient(simulator.Options.LongLivedToken);
        Anonymous = NewClient(token: null);
    }

    public KommoSimulator Simulator { get; }

    public KommoControl Control => Simulator.Control;

    public HttpClient Api { get; }

    public HttpClient Anonymous { get; }

    /// <summary>Options for a test: limits high enough not to interfere, unless the test sets them.</summary>
    public static KommoSimulatorOptions Options => new() { IntegrationRequestsPerSecond = 100_000, AccountRequestsPerSecond = 100_000 };

    public static async Task<KommoTestServer> StartAsync(KommoSimulatorOptions? options = null, TimeProvider? time = null)
    {
        var simulator = new KommoSimulator(options ?? Options, time ?? TimeProvider.System);
        await simulator.StartAsync();
        return new KommoTestServer(simulator);
    }

    public HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = Simulator.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public KommoSimulatorClient ControlClient() => new(NewClient(token: null));

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return (client ?? Api).SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        await Simulator.DisposeAsync();
    }
}
