using System.Net;
using ContractBridge.Simulators.Ironclad.Model;
using ContractBridge.Simulators.Tests.Ironclad.Support;

namespace ContractBridge.Simulators.Tests.Ironclad;

/// <summary>
/// Contract records: made when a workflow reaches Archive (its id in recordIds), read with GET /records/{id} (validated
/// against Ironclad's RecordModel), their expiration date and status changed by the control API, each change announced
/// by record_contract_status_changed, whose envelope names the record.
/// </summary>
public sealed class RecordTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Spec = OpenApiDocument.Ironclad;
    private IroncladTestServer _server = null!;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _server = await IroncladTestServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task ARecordIsMadeAtArchive_InRecordIds_WithTheExpirationDateOfItsEffectiveDateAndTerm()
    {
        var id = await LaunchWithEffectiveDateAsync("2026-03-01");

        _server.Simulator.Control.AdvanceTo(id, WorkflowStage.Signed);
        Assert.Empty((await _server.GetJsonAsync($"workflows/{id}"))!["recordIds"]!.AsArray());
        _server.Simulator.Control.AdvanceTo(id, WorkflowStage.Archive);
        var recordId = Assert.Single((await _server.GetJsonAsync($"workflows/{id}"))!["recordIds"]!.AsArray())!.GetValue<string>();
        var record = await _server.GetJsonAsync($"records/{recordId}");

        Spec.AssertValid(Spec.ResponseSchema("/records/{id}", "get", "200"), record);
        Assert.Equal("2027-03-01T00:00:00Z", record!["properties"]!["expirationDate"]!["value"]!.GetValue<string>());
        Assert.Equal("date", record["properties"]!["expirationDate"]!["type"]!.GetValue<string>());
        Assert.Equal(("active", "expiring"), (record["contractStatus"]!["status"]!.GetValue<string>(), record["contractStatus"]!["enhancedStatus"]!.GetValue<string>()));
        Assert.Equal($"workflow:{id}", record["source"]!["workflowId"]!.GetValue<string>());
        Assert.Equal(_server.Simulator.Control.Workflow(id)!.IroncladId, record["ironcladId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARecordWithoutATerm_HasNoExpirationDate_AndStillMatchesTheSpec()
    {
        var launched = await _server.LaunchAsync(_server.MsaLaunchBody(attributes => attributes.Remove("effectiveDate")));
        var id = launched["id"]!.GetValue<string>();
        _server.Simulator.Control.AdvanceTo(id, WorkflowStage.Complete);
        var recordId = Assert.Single(_server.Simulator.Control.Records()).Id;

        var record = await _server.GetJsonAsync($"records/{recordId}");

        Spec.AssertValid(Spec.ResponseSchema("/records/{id}", "get", "200"), record);
        Assert.Null(record!["properties"]!["expirationDate"]);
        Assert.NotNull(record["properties"]!["agreementDate"]);
    }

    [Fact]
    public async Task AnUnknownRecord_Is400NotFound_MatchingSpec()
    {
        using var response = await _server.Http.GetAsync("records/00000000-0000-0000-0000-000000000000");
        var body = await IroncladTestServer.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NOT_FOUND", body!["code"]!.GetValue<string>());
        Spec.AssertValid(Spec.ResponseSchema("/records/{id}", "get", "400"), body);
    }

    [Fact]
    public async Task ExpirationAndStatusChanges_AreAnnounced_ByAnEnvelopeNamingTheRecord()
    {
        await _server.RegisterWebhookAsync(_receiver.Url, "record_contract_status_changed");
        var id = await LaunchWithEffectiveDateAsync("2026-03-01");
        _server.Simulator.Control.AdvanceTo(id, WorkflowStage.Complete);
        var recordId = Assert.Single(_server.Simulator.Control.Records()).Id;

        _server.Simulator.Control.SetRecordExpiration(recordId, new DateOnly(2028, 1, 31));
        _server.Simulator.Control.SetRecordStatus(recordId, new RecordContractStatus("inactive", "inactive", "Terminated on Mar 3, 2027"));
        var received = await _receiver.WaitForAsync(r => r.Count == 2);
        var record = await _server.GetJsonAsync($"records/{recordId}");

        Assert.All(received, r =>
        {
            Assert.Equal("record_contract_status_changed", r.Json["payload"]!["event"]!.GetValue<string>());
            Assert.Equal(recordId, r.Json["payload"]!["recordID"]!.GetValue<string>());
            Assert.Null(r.Json["payload"]!["workflowID"]);
            Assert.NotNull(r.Headers["X-Ironclad-Webhook-Verification"]);
        });
        Spec.AssertValid(Spec.ResponseSchema("/records/{id}", "get", "200"), record);
        Assert.Equal("2028-01-31T00:00:00Z", record!["properties"]!["expirationDate"]!["value"]!.GetValue<string>());
        Assert.Equal(("inactive", "Terminated on Mar 3, 2027"), (record["contractStatus"]!["status"]!.GetValue<string>(), record["contractStatus"]!["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AStatusOutsideTheSpecsEnums_IsRefusedByTheControlApi()
    {
        var launched = await _server.LaunchAsync();
        _server.Simulator.Control.AdvanceTo(launched["id"]!.GetValue<string>(), WorkflowStage.Archive);
        var recordId = Assert.Single(_server.Simulator.Control.Records()).Id;

        using var response = await _server.Root.PutAsync($"_sim/records/{recordId}/contract-status", new StringContent("""{"status":"expired","enhancedStatus":"inactive"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("active", _server.Simulator.Control.Record(recordId)!.ContractStatus.Status);
    }

    private async Task<string> LaunchWithEffectiveDateAsync(string effectiveDate)
    {
        var launched = await _server.LaunchAsync(_server.MsaLaunchBody(attributes => attributes["effectiveDate"] = effectiveDate));
        return launched["id"]!.GetValue<string>();
    }
}
