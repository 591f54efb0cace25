using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Tests.Ironclad.Support;

/// <summary>An Ironclad simulator on loopback and an HTTP client for its API, authenticated with the legacy key.</summary>
public sealed class IroncladTestServer : IAsyncDisposable
{
    private IroncladTestServer(IroncladSimulator simulator)
    {
        Simulator = simulator;
        Http = new HttpClient { BaseAddress = new Uri(simulator.BaseUrl, "/public/api/v1/") };
        Root = new HttpClient { BaseAddress = simulator.BaseUrl };
    }

    public IroncladSimulator Simulator { get; }

    public IroncladSimulatorOptions Options { get; private init; } = new();

    /// <summary>Calls <c>/public/api/v1/</c> with the legacy API key.</summary>
    public HttpClient Http { get; }

    /// <summary>Calls the server root without credentials (<c>/oauth/token</c>, <c>/_sim/</c>).</summary>
    public HttpClient Root { get; }

    public string CreatorEmail => Options.Users[0].Email;

    public static async Task<IroncladTestServer> StartAsync(IroncladSimulatorOptions? options = null, TimeProvider? time = null)
    {
        options ??= new IroncladSimulatorOptions();
        var simulator = new IroncladSimulator(options, time ?? TimeProvider.System);
        await simulator.StartAsync();
        var server = new IroncladTestServer(simulator) { Options = options };
        server.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        return server;
    }

    public WorkflowTemplate Template(string name) => Simulator.State.FindTemplateByName(name)
        ?? throw new InvalidOperationException($"no template {name}");

    /// <summary>A valid MSA launch body for the legacy key (creator included); <paramref name="change"/> edits the attributes.</summary>
    public JsonObject MsaLaunchBody(Action<JsonObject>? change = null, string counterparty = "Acme Corp")
    {
        var attributes = new JsonObject
        {
            ["counterpartyName"] = counterparty,
            ["contractValue"] = new JsonObject { ["currency"] = "USD", ["amount"] = 25000.5 },
            ["counterpartySignerName"] = "Jane Roe",
            ["counterpartySignerEmail"] = "jane.roe@acme.example",
            ["kommoLeadId"] = "4711",
            ["effectiveDate"] = "2026-01-15",
            ["termMonths"] = 12,
            ["autoRenew"] = true,
        };
        change?.Invoke(attributes);
        return new JsonObject
        {
            ["template"] = Template("MSA").Id,
            ["attributes"] = attributes,
            ["creator"] = new JsonObject { ["type"] = "email", ["email"] = CreatorEmail },
        };
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, JsonNode body) =>
        Http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PatchJsonAsync(string path, JsonNode body) =>
        Http.PatchAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>Launches an MSA and returns the LaunchedWorkflow body, failing the test on anything but 200.</summary>
    public async Task<JsonObject> LaunchAsync(JsonObject? body = null)
    {
        using var response = await PostJsonAsync("workflows", body ?? MsaLaunchBody());
        var json = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"launch answered {(int)response.StatusCode}: {json?.ToJsonString()}");
        return (JsonObject)json!;
    }

    public async Task<JsonNode?> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Registers a webhook for <paramref name="events"/> at <paramref name="target"/> and returns its id.</summary>
    public async Task<string> RegisterWebhookAsync(Uri target, params string[] events)
    {
        using var response = await Http.PostAsJsonAsync("webhooks", new { events, targetURL = target.ToString() });
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json?.ToJsonString());
        return json!["id"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Root.Dispose();
        await Simulator.DisposeAsync();
    }
}
