using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

public sealed class KommoFaultTests
{
    [Fact]
    public async Task Latency_IsAddedToEveryApiCall()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        kommo.Control.SetFaults(new FaultProfile { Latency = TimeSpan.FromMilliseconds(300) });

        var watch = Stopwatch.StartNew();
        using var response = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(280), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ServerErrorRate_WithAFixedSeed_FailsAboutThatShareWithKommoShapedAnswers_AndRepeats()
    {
        var first = await RunServerErrorsAsync(seed: 7);
        var second = await RunServerErrorsAsync(seed: 7);

        var failures = first.Statuses.Count(s => s >= 500);
        Assert.InRange(failures, 30, 70);
        Assert.Equal(failures, first.Counted);
        Assert.Equal(first.Statuses, second.Statuses);
        Assert.All(first.Bodies, b => Assert.True(
            b.Status == 500 && b.ContentType == "application/problem+json" || b.Status == 502 && b.ContentType == "text/html",
            $"unexpected {b.Status} {b.ContentType}"));
        Assert.Contains(first.Bodies, b => b.Status == 500);
        Assert.Contains(first.Bodies, b => b.Status == 502);
    }

    [Fact]
    public async Task ConnectionReset_TheClientSeesAnExceptionAndNothingHappens()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.SetFaults(new FaultProfile { ConnectionResetRate = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            kommo.SendJsonAsync(HttpMethod.Post, $"api/v4/leads/{account.FullLeadId}/notes", """[{"note_type":"common","params":{"text":"x"}}]"""));

        Assert.Equal(1, kommo.Control.Calls.ConnectionResets);
        Assert.Empty(kommo.Control.GetNotes());
    }

    [Fact]
    public async Task LostResponse_TheNoteExistsButTheClientSawAnException()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        kommo.Control.SetFaults(new FaultProfile { LostResponseRate = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            kommo.SendJsonAsync(HttpMethod.Post, $"api/v4/leads/{account.FullLeadId}/notes", """[{"note_type":"common","params":{"text":"Contract sent"}}]"""));
        var notes = await kommo.GetJsonAsync($"api/v4/leads/{account.FullLeadId}/notes");

        Assert.Equal("Contract sent", (string)notes["_embedded"]!["notes"]![0]!["params"]!["text"]!);
        Assert.Equal(1, kommo.Control.Calls.LostResponses);
    }

    [Fact]
    public async Task RateLimitStorm_AnswersKommos429_WithoutCountingTowardsABlock()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { BlockAfterTooManyRequests = 1 });
        kommo.Control.SetFaults(new FaultProfile { RateLimitStormUntil = DateTimeOffset.UtcNow.AddMinutes(5) });

        using var first = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
        using var second = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("text/html", second.Content.Headers.ContentType!.MediaType);
        Assert.False(second.Headers.Contains("Retry-After"));
        Assert.False(kommo.Control.Block.Blocked);
        Assert.Equal(2, kommo.Control.Calls.TooManyRequests);
    }

    [Fact]
    public async Task WebhookDrop_NothingIsDeliveredAndTheDropIsLogged()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver);
        kommo.Control.SetFaults(new FaultProfile { WebhookDropRate = 1 });

        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });

        var attempt = kommo.Control.WebhookAttempts.Single();
        Assert.Equal((0, "dropped (fault)"), (attempt.Attempt, attempt.Error));
        Assert.Equal(0, kommo.Control.PendingWebhooks);
        Assert.Single(kommo.Control.EmittedWebhooks);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task WebhookDuplicate_TheSameBodyArrivesTwice()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver);
        kommo.Control.SetFaults(new FaultProfile { WebhookDuplicateRate = 1 });

        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        var received = await receiver.WaitForAsync(2);

        Assert.Equal(received[0].Body, received[1].Body);
        Assert.Single(kommo.Control.EmittedWebhooks);
    }

    [Fact]
    public async Task WebhookDelayAndReorder_HoldWebhooksBackButDeliverEveryOne()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver);
        kommo.Control.SetFaults(new FaultProfile
        {
            WebhookDelay = TimeSpan.FromMilliseconds(200),
            WebhookReorderRate = 1,
            WebhookReorderWindow = TimeSpan.FromMilliseconds(300),
        });

        var watch = Stopwatch.StartNew();
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.OtherLeadId], StatusId = account.SendContract });
        var received = await receiver.WaitForAsync(2);
        watch.Stop();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190), $"delivered after {watch.Elapsed}");
        Assert.Equal(
            [account.FullLeadId.ToString(), account.OtherLeadId.ToString()],
            received.Select(r => r["leads[status][0][id]"]).Order());
    }

    [Fact]
    public async Task PutFaults_WithAnOutOfRangeRate_Answers400NamingTheField()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        using var response = await kommo.SendJsonAsync(HttpMethod.Put, "_sim/faults", """{"server_error_rate":2}""", kommo.Anonymous);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ServerErrorRate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, kommo.Control.Faults.ServerErrorRate);
    }

    [Fact]
    public async Task PutFaults_OverHttp_ChangesTheRunningProfile()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        using var response = await kommo.SendJsonAsync(HttpMethod.Put, "_sim/faults", """{"server_error_rate":0.5,"latency":"00:00:00.010"}""", kommo.Anonymous);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0.5, kommo.Control.Faults.ServerErrorRate);
        Assert.Equal(TimeSpan.FromMilliseconds(10), kommo.Control.Faults.Latency);
    }

    private static async Task<(List<int> Statuses, List<(int Status, string? ContentType)> Bodies, long Counted)> RunServerErrorsAsync(int seed)
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with
        {
            Seed = seed,
            Faults = new FaultProfile { ServerErrorRate = 0.25 },
        });
        var statuses = new List<int>();
        var bodies = new List<(int, string?)>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await kommo.Api.GetAsync(new Uri("api/v4/account", UriKind.Relative));
            statuses.Add((int)response.StatusCode);
            if ((int)response.StatusCode >= 500)
            {
                bodies.Add(((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType));
                if (response.StatusCode == HttpStatusCode.InternalServerError)
                {
                    Assert.Equal(500, (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!);
                }
            }
        }

        return (statuses, bodies, kommo.Control.Calls.ServerErrors);
    }

    private static async Task RegisterAsync(KommoTestServer kommo, WebhookReceiver receiver)
    {
        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", $$"""{"destination":"{{receiver.Url}}","settings":["status_lead"]}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
