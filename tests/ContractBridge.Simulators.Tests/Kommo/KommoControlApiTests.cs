using System.Net;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Kommo.Control;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>The control API over HTTP, through the typed client benchmarks use when the simulator runs in another process.</summary>
public sealed class KommoControlApiTests
{
    [Fact]
    public async Task SeedThroughTheClient_ThenTheKommoApiServesIt()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var control = kommo.ControlClient();

        var pipeline = await control.AddPipelineAsync(new SeedPipeline { Name = "Sales", Stages = ["New", "Send contract"] });
        var rep = await control.AddUserAsync(new SeedUser { Name = "Rep", Email = "rep@acme.example" });
        var source = await control.AddCustomFieldAsync(new SeedCustomField { Name = "Source", Type = "select", Enums = ["Web"] });
        var company = await control.AddCompanyAsync(new SeedCompany { Name = "Globex" });
        var contact = await control.AddContactAsync(new SeedContact { FirstName = "Dana", Emails = [new("dana@globex.example")], CompanyId = company });
        var lead = await control.AddLeadAsync(new SeedLead
        {
            Name = "Deal",
            Price = 10,
            PipelineId = pipeline.Id,
            StatusId = pipeline.StatusId("New"),
            ResponsibleUserId = rep,
            Contacts = [new(contact, IsMain: true)],
            CompanyId = company,
            CustomFields = [new SeedFieldValue { FieldId = source.Id, Values = ["Web"] }],
        });
        var served = await kommo.GetJsonAsync($"api/v4/leads/{lead}?with=contacts");

        Assert.Equal(["New", "Send contract", "Closed - won", "Closed - lost"], pipeline.Statuses.Select(s => s.Name));
        Assert.Equal(contact, (long)served["_embedded"]!["contacts"]![0]!["id"]!);
        Assert.Equal("Web", (string)served["custom_fields_values"]![0]!["values"]![0]!["value"]!);
        Assert.Equal(rep, (long)served["responsible_user_id"]!);
    }

    [Fact]
    public async Task InspectLead_ShowsEveryNoteTaskAndAttachmentWrittenThroughTheApi()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var control = kommo.ControlClient();
        using var note = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/leads/notes",
            $$"""[{"entity_id":{{account.FullLeadId}},"note_type":"service_message","params":{"service":"ContractBridge","text":"Sent for signature"} }]""");
        using var task = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/tasks",
            $$"""[{"text":"Follow up","complete_till":1900000000,"entity_id":{{account.FullLeadId}},"entity_type":"leads"}]""");

        var lead = await control.GetLeadAsync(account.FullLeadId);
        var missing = await control.GetLeadAsync(1);

        Assert.Null(missing);
        Assert.NotNull(lead);
        var written = lead.Notes.Single();
        Assert.Equal(("service_message", "Sent for signature"), (written.NoteType, written.Text));
        Assert.Equal("ContractBridge", (string)written.Params["service"]!);
        Assert.Equal("Follow up", lead.Tasks.Single().Text);
        Assert.Empty(lead.Attachments);
        Assert.Equal([new SeedLeadContact(account.HankId, false), new SeedLeadContact(account.DanaId, true)], lead.Contacts);
        Assert.Single(await control.GetNotesAsync());
    }

    [Fact]
    public async Task CallCounts_ArePerEndpointTemplate_AndCanBeReset()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var control = kommo.ControlClient();
        await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}");
        await kommo.GetJsonAsync($"api/v4/leads/{account.OtherLeadId}");
        using var patched = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""[{"id":{{account.FullLeadId}},"price":1}]""");

        var calls = await control.GetCallsAsync();
        await control.ResetCallsAsync();
        var after = await control.GetCallsAsync();

        Assert.Equal(3, calls.Total);
        Assert.Equal(2, calls.ByEndpoint["GET /api/v4/leads/{id:long}"]);
        Assert.Equal(1, calls.ByEndpoint["PATCH /api/v4/leads"]);
        Assert.Equal(0, after.Total);
    }

    [Fact]
    public async Task CallTimeline_HoldsEachCallWithItsArrivalTime_InOrder_UntilReset()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var before = DateTimeOffset.UtcNow;
        await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}");
        using var patched = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""[{"id":{{account.FullLeadId}},"price":1}]""");
        var after = DateTimeOffset.UtcNow;

        var timeline = kommo.Control.CallTimeline;
        kommo.Control.ResetCalls();

        Assert.Equal(["GET /api/v4/leads/{id:long}", "PATCH /api/v4/leads"], timeline.Select(c => c.Endpoint));
        Assert.All(timeline, c => Assert.InRange(c.ArrivedAt, before, after));
        Assert.True(timeline[0].ArrivedAt <= timeline[1].ArrivedAt);
        Assert.Empty(kommo.Control.CallTimeline);
    }

    [Fact]
    public async Task Reset_EmptiesTheAccountButKeepsItsAdminAndContactFields()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        TestAccount.Seed(kommo.Control);
        var control = kommo.ControlClient();

        await control.ResetAsync();
        var state = await control.GetStateAsync();
        using var leads = await kommo.Api.GetAsync(new Uri("api/v4/leads", UriKind.Relative));

        Assert.Equal(new KommoStateSummary(1, 0, 2, 0, 0, 0, 0, 0, 0, 0), state);
        Assert.Equal(HttpStatusCode.NoContent, leads.StatusCode);
    }

    [Fact]
    public async Task RepActionsOverHttp_MoveLeadsAndCreateLead_EmitWebhooks()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var control = kommo.ControlClient();
        using var registered = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", $$"""{"destination":"{{receiver.Url}}","settings":["status_lead","add_lead"]}""");

        var moved = await control.MoveLeadsAsync(new MoveLeads { LeadIds = [account.FullLeadId, account.OtherLeadId], StatusId = account.SendContract });
        var created = await control.CreateLeadAsync(new SeedLead { Name = "Fresh", PipelineId = account.Sales.Id });
        await receiver.WaitForAsync(2);
        var emitted = await control.GetEmittedWebhooksAsync();
        await Eventually.TrueAsync(() => kommo.Control.WebhookAttempts.Count == 2, "both deliveries to be logged");
        var attempts = await control.GetWebhookAttemptsAsync();

        Assert.Equal(2, moved.Count);
        Assert.Equal([[account.FullLeadId, account.OtherLeadId], [created]], emitted.Select(e => e.LeadIds));
        Assert.Equal([["status"], ["add"]], emitted.Select(e => e.Actions));
        Assert.All(attempts, a => Assert.Equal(200, a.StatusCode));
        Assert.Equal(0, await control.GetPendingWebhooksAsync());
    }

    [Fact]
    public async Task BadSeed_IsRefusedWithAMessageSayingWhatToFix()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var control = kommo.ControlClient();

        var error = await Assert.ThrowsAsync<KommoSimulatorControlException>(() =>
            control.AddLeadAsync(new SeedLead { Name = "Lost", PipelineId = account.Sales.Id, StatusId = account.Renewals.StatusId("Renewal due") }));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not in pipeline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlockAndUnblockOverHttp_TurnTheApiTo403AndBack()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var control = kommo.ControlClient();

        await control.BlockAccountAsync();
        using var blocked = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        var status = await control.GetBlockAsync();
        await control.UnblockAsync();
        using var open = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.True(status.Blocked);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }

    [Fact]
    public async Task FaultsOverHttp_SetGetClear_AndRefuseBadProfiles()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var control = kommo.ControlClient();

        await control.SetFaultsAsync(new FaultProfile { ServerErrorRate = 0.1, WebhookDuplicateRate = 0.2 });
        var set = await control.GetFaultsAsync();
        var refused = await Assert.ThrowsAsync<KommoSimulatorControlException>(() => control.SetFaultsAsync(new FaultProfile { SpikeRate = -1 }));
        await control.ClearFaultsAsync();

        Assert.Equal((0.1, 0.2), (set.ServerErrorRate, set.WebhookDuplicateRate));
        Assert.Contains("SpikeRate", refused.Message, StringComparison.Ordinal);
        Assert.Equal(FaultProfile.None, kommo.Control.Faults);
    }

    [Fact]
    public async Task OAuthOverHttp_CodesIntegrationsAndStats()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var control = kommo.ControlClient();

        var code = await control.IssueAuthorizationCodeAsync();
        var integration = await control.AddIntegrationAsync();
        using var client = kommo.NewClient(integration.Token);
        using var response = await client.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        var stats = await control.GetOAuthStatsAsync();

        Assert.False(string.IsNullOrEmpty(code.Code));
        Assert.Equal(kommo.Simulator.Options.RedirectUri, code.RedirectUri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, stats.Refreshes);
    }

    [Fact]
    public async Task SampleData_HasSalesWithSendContract_AContactWithoutEmail_AndIsDescribed()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { SampleData = true });
        var sample = kommo.Simulator.SampleIds!;

        var contact = await kommo.GetJsonAsync($"api/v4/contacts/{sample.ContactWithoutEmailId}");
        var lines = kommo.Simulator.DescribeCredentials().ToList();
        var files = await kommo.ControlClient().GetFilesAsync();

        Assert.Equal("Sales", sample.Sales.Name);
        Assert.True(sample.Sales.StatusId("Send contract") > 0);
        Assert.True(sample.Renewals.StatusId("Send contract") > 0);
        Assert.DoesNotContain(contact["custom_fields_values"]!.AsArray(), v => (string?)v!["field_code"] == "EMAIL");
        Assert.Equal(5, sample.LeadIds.Count);
        Assert.Contains(lines, l => l.Contains(kommo.Simulator.Options.LongLivedToken, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(kommo.Simulator.Options.ClientSecret, StringComparison.Ordinal) && l.Contains("refresh_token", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"\"Send contract\" {sample.Sales.StatusId("Send contract")}", StringComparison.Ordinal));
        Assert.Empty(files);
    }

    [Fact]
    public async Task Host_StartsKommoWithoutSampleDataByDefault()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorHostOptions());

        Assert.Null(host.Kommo.SampleIds);
        Assert.Equal(0, host.Kommo.Control.Summary.Leads);
        Assert.IsType<KommoSimulator>(host.Kommo);
    }
}
