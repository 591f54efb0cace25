using System.Globalization;
using System.Net;
using ContractBridge.Simulators.Ironclad;
using ContractBridge.Simulators.Tests.Ironclad.Support;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class WorkflowQueryTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-01T09:00:00Z", CultureInfo.InvariantCulture));
    private IroncladTestServer _server = null!;

    public async Task InitializeAsync() => _server = await IroncladTestServer.StartAsync(new IroncladSimulatorOptions(), _time);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Workflow_IsFoundByIdAndByIroncladNumber()
    {
        var launched = await _server.LaunchAsync();

        var byNumber = await _server.GetJsonAsync($"workflows/{launched["ironcladId"]}");
        var byId = await _server.GetJsonAsync($"workflows/{launched["id"]}");

        Assert.Equal(launched["id"]!.GetValue<string>(), byNumber!["id"]!.GetValue<string>());
        Assert.Equal(launched["ironcladId"]!.GetValue<string>(), byId!["ironcladId"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownWorkflow_Is404NotFound()
    {
        using var response = await _server.Http.GetAsync("workflows/IC-404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (await IroncladTestServer.ReadJsonAsync(response))!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_DefaultsToActive_AndFiltersByStatus()
    {
        var active = await _server.LaunchAsync();
        var cancelled = await _server.LaunchAsync();
        _server.Simulator.Control.Cancel(cancelled["id"]!.GetValue<string>());

        var byDefault = await IdsAsync("workflows");
        var onlyCancelled = await IdsAsync("workflows?status=cancelled");
        var both = await IdsAsync("workflows?status=active,cancelled");

        Assert.Equal([active["id"]!.GetValue<string>()], byDefault);
        Assert.Equal([cancelled["id"]!.GetValue<string>()], onlyCancelled);
        Assert.Equal(2, both.Count);
    }

    [Fact]
    public async Task List_LastUpdated_KeepsWorkflowsUpdatedAtOrAfter()
    {
        var old = await _server.LaunchAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        var since = _time.GetUtcNow();
        var fresh = await _server.LaunchAsync();
        _time.Advance(TimeSpan.FromMinutes(10));
        _server.Simulator.Control.Advance(old["id"]!.GetValue<string>());

        var ids = await IdsAsync($"workflows?lastUpdated={Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))}");

        Assert.Equal(2, ids.Count);
        var sinceAfter = _time.GetUtcNow().AddMilliseconds(-1).ToString("o", CultureInfo.InvariantCulture);
        Assert.Equal([old["id"]!.GetValue<string>()], await IdsAsync($"workflows?lastUpdated={Uri.EscapeDataString(sinceAfter)}"));
        Assert.Contains(fresh["id"]!.GetValue<string>(), ids);
    }

    [Fact]
    public async Task List_EqualsFilter_FindsALaunchByItsDealId()
    {
        await _server.LaunchAsync(_server.MsaLaunchBody(a => a["kommoLeadId"] = "1001"));
        var wanted = await _server.LaunchAsync(_server.MsaLaunchBody(a => a["kommoLeadId"] = "1002"));

        var ids = await IdsAsync($"workflows?filter={Uri.EscapeDataString("Equals([kommoLeadId], '1002')")}");
        var either = await IdsAsync($"workflows?filter={Uri.EscapeDataString("Or(Equals([kommoLeadId],'1001'), Equals([kommoLeadId],'1002'))")}");

        Assert.Equal([wanted["id"]!.GetValue<string>()], ids);
        Assert.Equal(2, either.Count);
    }

    [Theory]
    [InlineData("Equals([kommoLeadId], '1002'")]
    [InlineData("Equals([kommoLeadId] '1002')")]
    [InlineData("Frobnicate([kommoLeadId], '1')")]
    [InlineData("Equals([kommoLeadId], 'unterminated)")]
    [InlineData("[kommoLeadId]")]
    public async Task List_MalformedFilter_IsInvalidParamFilter(string filter)
    {
        using var response = await _server.Http.GetAsync($"workflows?filter={Uri.EscapeDataString(filter)}");
        var body = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_PARAM", body!["code"]!.GetValue<string>());
        Assert.Equal("filter", body["param"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=-1", "page")]
    [InlineData("status=finished", "status")]
    [InlineData("lastUpdated=yesterday", "lastUpdated")]
    public async Task List_BadQueryValue_IsInvalidParamNamingIt(string query, string param)
    {
        using var response = await _server.Http.GetAsync($"workflows?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, (await IroncladTestServer.ReadJsonAsync(response))!["param"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_Pages_NewestFirst_WithTotalCount()
    {
        for (var i = 0; i < 5; i++)
        {
            await _server.LaunchAsync();
        }

        var first = await _server.GetJsonAsync("workflows?page=0&pageSize=2");
        var last = await _server.GetJsonAsync("workflows?page=2&pageSize=2");

        Assert.Equal(5, first!["count"]!.GetValue<int>());
        Assert.Equal("IC-5", first["list"]![0]!["ironcladId"]!.GetValue<string>());
        Assert.Single(last!["list"]!.AsArray());
        Assert.Equal("IC-1", last["list"]![0]!["ironcladId"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_TemplateFilter_KeepsThatTemplate()
    {
        await _server.LaunchAsync();
        var nda = _server.MsaLaunchBody(a =>
        {
            a.Remove("contractValue");
            a.Remove("autoRenew");
        });
        nda["template"] = _server.Template("NDA").Id;
        var launchedNda = await _server.LaunchAsync(nda);

        var ids = await IdsAsync($"workflows?template={_server.Template("NDA").Id}");

        Assert.Equal([launchedNda["id"]!.GetValue<string>()], ids);
    }

    private async Task<List<string>> IdsAsync(string path)
    {
        var body = await _server.GetJsonAsync(path);
        return [.. body!["list"]!.AsArray().Select(w => w!["id"]!.GetValue<string>())];
    }
}
