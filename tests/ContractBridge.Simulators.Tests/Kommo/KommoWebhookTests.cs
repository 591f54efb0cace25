using System.Net;
using System.Text.RegularExpressions;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>
/// The simulator's CRM webhooks as Kommo sends them: form bodies, retries, disabling. Just over 300 lines: each test
/// starts the same simulator, receiver and account, and they read best side by side.
/// </summary>
public sealed partial class KommoWebhookTests
{
    /// <summary>The v2 lead keys kommo.md documents, plus loss_reason_id and the custom field parts.</summary>
    private static readonly HashSet<string> DocumentedLeadKeys =
    [
        "id", "name", "status_id", "old_status_id", "pipeline_id", "old_pipeline_id", "price", "responsible_user_id",
        "last_modified", "modified_user_id", "created_user_id", "date_create", "account_id", "loss_reason_id",
    ];

    [Fact]
    public async Task StatusChangeByPatch_SendsAFormBodyThatParsesBackIntoTheDocumentedKeys()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "status_lead");

        using var patched = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", $$"""{"status_id":{{account.SendContract}}}""");
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("application/x-www-form-urlencoded", hook.ContentType);
        Assert.All(hook.Fields, f => Assert.Matches(KeyGrammar(), f.Key));
        Assert.All(hook.Fields, f => Assert.NotNull(f.Value));
        Assert.Contains("leads%5Bstatus%5D%5B0%5D%5Bid%5D=", hook.Body, StringComparison.Ordinal);
        var lead = LeadKeys(hook, "status", 0);
        Assert.Subset(DocumentedLeadKeys, lead.Keys.Where(k => !k.StartsWith("custom_fields", StringComparison.Ordinal)).ToHashSet());
        Assert.Equal(account.FullLeadId.ToString(), lead["id"]);
        Assert.Equal("Globex license", lead["name"]);
        Assert.Equal(account.SendContract.ToString(), lead["status_id"]);
        Assert.Equal(account.Sales.StatusId("New").ToString(), lead["old_status_id"]);
        Assert.Equal(account.Sales.Id.ToString(), lead["pipeline_id"]);
        Assert.Equal(account.Sales.Id.ToString(), lead["old_pipeline_id"]);
        Assert.Equal("48000", lead["price"]);
        Assert.Equal(account.RepId.ToString(), lead["responsible_user_id"]);
        Assert.Equal("29000001", lead["account_id"]);
        Assert.True(long.Parse(lead["last_modified"]) >= long.Parse(lead["date_create"]));
        Assert.Equal(account.Source.Id.ToString(), lead["custom_fields[0][id]"]);
        Assert.Equal("Source", lead["custom_fields[0][name]"]);
        Assert.Equal("Website", lead["custom_fields[0][values][0][value]"]);
        Assert.Equal("acme", hook["account[subdomain]"]);
        Assert.Equal("29000001", hook["account[id]"]);
        Assert.Equal(kommo.Simulator.BaseUrl.GetLeftPart(UriPartial.Authority), hook["account[_links][self]"]);
    }

    [Fact]
    public async Task BatchPatch_MovingSeveralLeads_SendsOneWebhookBodyWithAllOfThem()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "status_lead");

        using var patched = await kommo.SendJsonAsync(HttpMethod.Patch, "api/v4/leads", $$"""
            [{"id":{{account.BareLeadId}},"status_id":{{account.SendContract}}},
             {"id":{{account.FullLeadId}},"status_id":{{account.SendContract}}},
             {"id":{{account.OtherLeadId}},"status_id":{{account.SendContract}}}]
            """);
        await Eventually.TrueAsync(() => kommo.Control.PendingWebhooks == 0 && kommo.Control.WebhookAttempts.Count == 1, "the webhook to be delivered");

        var hook = receiver.Received.Single();
        Assert.Equal([0, 1, 2], hook.LeadIndexes("status"));
        Assert.Equal(
            [account.BareLeadId.ToString(), account.FullLeadId.ToString(), account.OtherLeadId.ToString()],
            [hook["leads[status][0][id]"], hook["leads[status][1][id]"], hook["leads[status][2][id]"]]);
        Assert.All([0, 1, 2], i => Assert.Equal(account.SendContract.ToString(), hook[$"leads[status][{i}][status_id]"]));
    }

    [Fact]
    public async Task ControlMove_OfSeveralLeads_SendsOneBodyWithTheRepAsModifiedUser()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "status_lead");

        var moved = kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId, account.OtherLeadId], StatusId = account.SendContract, ByUserId = account.RepId });
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal([account.FullLeadId, account.OtherLeadId], moved);
        Assert.Equal([0, 1], hook.LeadIndexes("status"));
        Assert.Equal(account.RepId.ToString(), hook["leads[status][1][modified_user_id]"]);
        Assert.Equal(account.SendContract, kommo.Control.GetLead(account.OtherLeadId)!.StatusId);
    }

    [Fact]
    public async Task StatusChange_ToASubscriberOfStatusAndUpdate_CarriesBothActionsInOneBody()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "status_lead", "update_lead");

        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = 143 });
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal("143", hook["leads[status][0][status_id]"]);
        Assert.Equal(account.FullLeadId.ToString(), hook["leads[update][0][id]"]);
        Assert.False(hook.Has("leads[update][0][old_status_id]"));
    }

    [Fact]
    public async Task PriceChange_SendsUpdateLeadOnly_AndNothingToStatusOnlySubscribers()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var updates = await WebhookReceiver.StartAsync();
        await using var statuses = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, updates, "update_lead", "status_lead");
        await RegisterAsync(kommo, statuses, "status_lead");

        using var patched = await kommo.SendJsonAsync(HttpMethod.Patch, $"api/v4/leads/{account.FullLeadId}", """{"price":51000}""");
        var hook = (await updates.WaitForAsync(1)).Single();

        Assert.Equal("51000", hook["leads[update][0][price]"]);
        Assert.Empty(hook.LeadIndexes("status"));
        Assert.Single(kommo.Control.EmittedWebhooks);
        Assert.Empty(statuses.Received);
    }

    [Fact]
    public async Task ControlCreateLead_InAStage_SendsAddLead()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "add_lead");

        var id = kommo.Control.CreateLead(new SeedLead { Name = "New deal", Price = 900, PipelineId = account.Sales.Id, StatusId = account.SendContract, ResponsibleUserId = account.RepId });
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal(id.ToString(), hook["leads[add][0][id]"]);
        Assert.Equal(account.SendContract.ToString(), hook["leads[add][0][status_id]"]);
        Assert.Equal("900", hook["leads[add][0][price]"]);
        Assert.Equal("New deal", hook["leads[add][0][name]"]);
    }

    [Fact]
    public async Task Registration_PostGetDelete_AsKommoDoes()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var destination = "https://bridge.example/kommo/hook?secret=abc";

        using var created = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", $$"""{"destination":"{{destination}}","settings":["status_lead","add_lead"],"sort":10}""");
        var listed = await kommo.GetJsonAsync("api/v4/webhooks");
        using var deleted = await kommo.SendJsonAsync(HttpMethod.Delete, "api/v4/webhooks", $$"""{"destination":"{{destination}}"}""");
        using var empty = await kommo.Api.GetAsync(new Uri("api/v4/webhooks", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var hook = listed["_embedded"]!["webhooks"]!.AsArray().Single()!;
        Assert.Equal(destination, (string)hook["destination"]!);
        Assert.Equal(["status_lead", "add_lead"], hook["settings"]!.AsArray().Select(s => (string)s!).ToList());
        Assert.False((bool)hook["disabled"]!);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
    }

    [Fact]
    public async Task Registration_UnknownSetting_Answers400()
    {
        await using var kommo = await KommoTestServer.StartAsync();

        using var created = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", """{"destination":"https://x.example/h","settings":["status_lead","lead_teleported"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("settings.1", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonSuccessAnswers_AreRetriedOnKommosScheduleDividedByTheTimeScale()
    {
        using var time = new TimerWatchingTimeProvider();
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { TimeScale = 60 }, time);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerStatus = StatusCodes.Status500InternalServerError;
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "status_lead");

        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await receiver.WaitForAsync(attempt);
            var due = await time.NextTimerAsync();
            waits.Add(due);
            time.Advance(due);
        }

        await receiver.WaitForAsync(4);
        await Eventually.TrueAsync(() => kommo.Control.PendingWebhooks == 0, "the sender to give up");

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1)], waits);
        var attempts = kommo.Control.WebhookAttempts;
        Assert.Equal([1, 2, 3, 4], attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => Assert.Equal(500, a.StatusCode));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(80)], attempts.Select(a => a.At - attempts[0].At));
        Assert.Equal(4, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(receiver.Received[0].Body, r.Body));
    }

    [Fact]
    public async Task TooManyInvalidAnswers_DisableTheWebhook_UntilItIsRegisteredAgain()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { WebhookDisableAfterFailures = 3, WebhookRetryDelays = [] });
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerStatus = StatusCodes.Status503ServiceUnavailable;
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "update_lead");

        for (var price = 1; price <= 4; price++)
        {
            kommo.Control.EditLead(new EditLead { LeadId = account.FullLeadId, Price = price });
            await receiver.WaitForAsync(price);
        }

        await Eventually.TrueAsync(() => kommo.Control.Webhooks.Single().Disabled, "the webhook to be disabled");
        kommo.Control.EditLead(new EditLead { LeadId = account.FullLeadId, Price = 5 });
        var listed = await kommo.GetJsonAsync("api/v4/webhooks");
        receiver.AnswerStatus = StatusCodes.Status200OK;
        await RegisterAsync(kommo, receiver, "update_lead");
        kommo.Control.EditLead(new EditLead { LeadId = account.FullLeadId, Price = 6 });
        var last = await receiver.WaitForAsync(5);

        Assert.True((bool)listed["_embedded"]!["webhooks"]![0]!["disabled"]!);
        Assert.Equal(5, kommo.Control.EmittedWebhooks.Count);
        Assert.Equal("6", last[^1]["leads[update][0][price]"]);
    }

    [Fact]
    public async Task ControlDisable_DisablesLikeKommo_AndTheApiListsItDisabled_UntilRegisteredAgain()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { WebhookRetryDelays = [] });
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "update_lead");

        await kommo.ControlClient().DisableWebhookAsync(receiver.Url);
        kommo.Control.EditLead(new EditLead { LeadId = account.FullLeadId, Price = 1 });
        var listed = await kommo.GetJsonAsync("api/v4/webhooks");
        await RegisterAsync(kommo, receiver, "update_lead");
        kommo.Control.EditLead(new EditLead { LeadId = account.FullLeadId, Price = 2 });
        var received = await receiver.WaitForAsync(1);

        Assert.True((bool)listed["_embedded"]!["webhooks"]![0]!["disabled"]!);
        Assert.Equal("2", received.Single()["leads[update][0][price]"]);
        Assert.False(kommo.Control.Webhooks.Single().Disabled);
    }

    [Fact]
    public async Task ReceiverThatDoesNotAnswerInTime_CountsAsAFailedAttempt()
    {
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { WebhookTimeout = TimeSpan.FromMilliseconds(300), WebhookRetryDelays = [] });
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerDelay = TimeSpan.FromSeconds(30);
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "status_lead");

        kommo.Control.MoveLeads(new MoveLeads { LeadIds = [account.FullLeadId], StatusId = account.SendContract });
        await Eventually.TrueAsync(() => kommo.Control.WebhookAttempts.Count == 1, "the attempt to time out");

        var attempt = kommo.Control.WebhookAttempts.Single();
        Assert.Null(attempt.StatusCode);
        Assert.Equal("no answer within 0.3 s", attempt.Error);
        Assert.Equal(1, kommo.Control.Webhooks.Single().RecentFailures);
    }

    [Fact]
    public async Task InvalidAnswersOlderThanTheFailureWindow_DoNotCountTowardsDisabling()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var kommo = await KommoTestServer.StartAsync(KommoTestServer.Options with { WebhookDisableAfterFailures = 1, WebhookRetryDelays = [] }, time);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerStatus = StatusCodes.Status500InternalServerError;
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "update_lead");

        await FailOnceAsync(1);
        time.Advance(TimeSpan.FromHours(2));
        await FailOnceAsync(2);
        var afterWindow = kommo.Control.Webhooks.Single();
        await FailOnceAsync(3);

        Assert.False(afterWindow.Disabled);
        Assert.Equal(1, afterWindow.RecentFailures);
        Assert.True(kommo.Control.Webhooks.Single().Disabled);

        async Task FailOnceAsync(int price)
        {
            kommo.Control.EditLead(new EditLead { LeadId = account.FullLeadId, Price = price });
            await Eventually.TrueAsync(() => kommo.Control.WebhookAttempts.Count == price && kommo.Control.PendingWebhooks == 0, $"attempt {price} to be recorded");
        }
    }

    private static async Task RegisterAsync(KommoTestServer kommo, WebhookReceiver receiver, params string[] settings)
    {
        var list = string.Join(',', settings.Select(s => $"\"{s}\""));
        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", $$"""{"destination":"{{receiver.Url}}","settings":[{{list}}],"sort":10}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The fields of one lead of one action, keyed without the <c>leads[action][i]</c> prefix ("id", "custom_fields[0][id]").</summary>
    private static Dictionary<string, string> LeadKeys(ReceivedWebhook hook, string action, int index)
    {
        var prefix = $"leads[{action}][{index}]";
        return hook.Fields
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(f => Unbracket(f.Key[prefix.Length..]), f => f.Value);
    }

    /// <summary>"[custom_fields][0][id]" becomes "custom_fields[0][id]"; "[id]" becomes "id".</summary>
    private static string Unbracket(string key)
    {
        var close = key.IndexOf(']', StringComparison.Ordinal);
        return key[1..close] + key[(close + 1)..];
    }

    [GeneratedRegex(@"^(leads\[(status|add|update)\]\[\d+\]\[[a-z_]+\](\[\d+\]\[(id|name|code|values)\](\[\d+\]\[(value|enum)\])?)?|account\[(subdomain|id|_links\]\[self)\])$")]
    private static partial Regex KeyGrammar();
}
