using System.Security.Cryptography;
using System.Text;
using ContractBridge.Kommo.Webhooks;
using ContractBridge.Tests.Support;

namespace ContractBridge.Tests.Kommo;

public sealed class KommoWebhookParserTests
{
    private const string Form = "application/x-www-form-urlencoded";

    [Theory]
    [PayloadFiles("kommo")]
    public void RecordedPayload_Parses_WithTheLeadsOfItsEvent_AndItsBodyHashAsDedupeKey(string fileName)
    {
        var payload = Payload.Read("kommo", fileName);

        var result = KommoWebhookParser.Parse(payload.ContentType, payload.Body);

        Assert.True(result.Succeeded, result.Error);
        Assert.NotEmpty(result.Webhook.Leads);
        Assert.Contains(result.Webhook.Leads, l => l.Action == ActionOf(payload.Event));
        Assert.All(result.Webhook.Leads, l => Assert.True(l.LeadId > 0 && l.StatusId > 0 && l.PipelineId > 0, $"{l} lacks an id."));
        Assert.Equal("kommo:" + Convert.ToHexStringLower(SHA256.HashData(payload.Body)), result.Webhook.DedupeKey);
    }

    [Fact]
    public void DocumentedStatusWebhook_ParsesTheLeadAndAccount()
    {
        var payload = Payload.Read("kommo", "status_lead.form.txt");

        var result = KommoWebhookParser.Parse(Form, payload.Body);

        Assert.True(result.Succeeded, result.Error);
        var lead = Assert.Single(result.Webhook.Leads);
        Assert.Equal(new KommoLeadChange(KommoLeadAction.Status, 10701093, 142, 20067736, 9217056, 9217056, 1539782664), lead);
        Assert.Equal("acme", result.Webhook.AccountSubdomain);
        Assert.Equal(17769199, result.Webhook.AccountId);
    }

    [Fact]
    public void StageMoveWithBothSettings_ReadsTheLeadUnderStatusAndUnderUpdate()
    {
        var payload = Payload.Read("kommo", "status_lead.with_update.form.txt");

        var result = KommoWebhookParser.Parse(payload.ContentType, payload.Body);

        Assert.True(result.Succeeded, result.Error);
        Assert.Collection(
            result.Webhook.Leads,
            l => Assert.Equal(new KommoLeadChange(KommoLeadAction.Status, 20184012, 61524398, 61524395, 7815243, 7815243, 1796126400), l),
            l => Assert.Equal(new KommoLeadChange(KommoLeadAction.Update, 20184012, 61524398, null, 7815243, null, 1796126400), l));
        Assert.Equal(("acme", 29000001L), (result.Webhook.AccountSubdomain, result.Webhook.AccountId!.Value));
    }

    [Fact]
    public void DigitalPipelineForm_CarriesOnlyIds_AndIsRead()
    {
        var payload = Payload.Read("kommo", "digital_pipeline.form.txt");

        var result = KommoWebhookParser.Parse(payload.ContentType, payload.Body);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new KommoLeadChange(KommoLeadAction.Status, 20184017, 61524398, 61524395, 7815243, 7815243, null), Assert.Single(result.Webhook.Leads));
    }

    [Fact]
    public void SameBody_HasTheSameDedupeKey_AndAnotherBodyAnother()
    {
        var payload = Payload.Read("kommo", "status_lead.form.txt");
        byte[] other = [.. payload.Body, .. "&x=1"u8];

        var first = KommoWebhookParser.Parse(Form, payload.Body);
        var again = KommoWebhookParser.Parse(Form, payload.Body.ToArray());
        var changed = KommoWebhookParser.Parse(Form, other);

        Assert.Equal(first.Webhook!.DedupeKey, again.Webhook!.DedupeKey);
        Assert.NotEqual(first.Webhook.DedupeKey, changed.Webhook!.DedupeKey);
    }

    [Fact]
    public void SeveralLeadsAndActions_InOneBody_AreAllRead_InOrder()
    {
        var body = "leads[status][1][id]=2&leads[status][1][status_id]=20&leads[status][0][id]=1&leads[status][0][status_id]=10"
            + "&leads[add][0][id]=3&leads[add][0][status_id]=30&leads[add][0][pipeline_id]=7"
            + "&leads[update][0][id]=4&leads[update][0][status_id]=40";

        var result = KommoWebhookParser.Parse(Form + "; charset=utf-8", Encoding.UTF8.GetBytes(body));

        Assert.True(result.Succeeded, result.Error);
        Assert.Collection(
            result.Webhook.Leads,
            l => Assert.Equal((KommoLeadAction.Status, 1L, 10L), (l.Action, l.LeadId, l.StatusId!.Value)),
            l => Assert.Equal((KommoLeadAction.Status, 2L, 20L), (l.Action, l.LeadId, l.StatusId!.Value)),
            l => Assert.Equal((KommoLeadAction.Add, 3L, 30L), (l.Action, l.LeadId, l.StatusId!.Value)),
            l => Assert.Equal((KommoLeadAction.Update, 4L, 40L), (l.Action, l.LeadId, l.StatusId!.Value)));
    }

    [Fact]
    public void OtherEntities_AreTolerated()
    {
        var body = "contacts[update][0][id]=5&account[subdomain]=acme&unsorted[add][0][uid]=x";

        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes(body));

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(result.Webhook.Leads);
    }

    [Fact]
    public void DigitalPipelineJson_WithNumbersOrStrings_IsRead()
    {
        var payload = Payload.Read("kommo", "digital_pipeline.json");

        var result = KommoWebhookParser.Parse("application/json", payload.Body);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new KommoLeadChange(KommoLeadAction.Status, 11, 55, 54, 7, 7, null), Assert.Single(result.Webhook.Leads));
    }

    [Theory]
    [InlineData(Form, "", "empty")]
    [InlineData(Form, "leads[status][0][name]=x", "has no [id]")]
    [InlineData(Form, "leads[status][0][id]=abc", "leads[status][0][id] must be an integer")]
    [InlineData(Form, "leads[status][0][id]=-4", "must be a positive integer")]
    [InlineData(Form, "leads[status][0][id]=1&leads[status][0][status_id]=1.5", "status_id] must be an integer")]
    [InlineData(Form, "leads[status][x][id]=1", "index that is not a number")]
    [InlineData(Form, "leads[status][0[id]=1", "not a valid bracketed key")]
    [InlineData(Form, "leads[status][0][id=1", "unclosed bracket")]
    [InlineData(Form, "[status][0][id]=1", "no name before its brackets")]
    [InlineData(Form, "leads[status][5000][id]=1", "index that is not a number below")]
    [InlineData("text/plain", "leads[status][0][id]=1", "Content type 'text/plain' is not accepted")]
    [InlineData(null, "leads[status][0][id]=1", "Content type '' is not accepted")]
    [InlineData("application/json", "{\"leads\":", "not valid JSON")]
    [InlineData("application/json", "[1]", "has no \"leads\" object")]
    [InlineData("application/json", "{\"leads\":{\"status\":{}}}", "leads.status must be an array")]
    [InlineData("application/json", "{\"leads\":{\"status\":[{\"id\":true}]}}", "leads.status[0].id must be an integer")]
    [InlineData("application/json", "{\"leads\":{\"add\":[{\"name\":\"x\"}]}}", "leads.add[0] has no \"id\"")]
    public void MalformedBodies_FailWithAMessageSayingWhatIsWrong(string? contentType, string body, string expected)
    {
        var result = KommoWebhookParser.Parse(contentType, Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyNestedTooDeep_IsRefused()
    {
        var key = "leads" + string.Concat(Enumerable.Repeat("[a]", KommoWebhookParser.MaxKeyDepth + 1));

        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes(key + "=1"));

        Assert.False(result.Succeeded);
        Assert.Contains("nested deeper", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BracketBomb_WithTooManyFields_IsRefused()
    {
        var body = string.Join('&', Enumerable.Range(0, KommoWebhookParser.MaxFormFields + 1).Select(i => $"x[{i}]=1"));

        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.Contains("too large or malformed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8_IsRefused()
    {
        var result = KommoWebhookParser.Parse(Form, new byte[] { 0x6c, 0x3d, 0xff, 0xfe });

        Assert.False(result.Succeeded);
        Assert.Contains("not valid UTF-8", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The lead action a payload's event stands for: files are named after Kommo's settings (a digital pipeline sends leads[status]).</summary>
    private static KommoLeadAction ActionOf(string fileEvent) => fileEvent switch
    {
        "status_lead" or "digital_pipeline" => KommoLeadAction.Status,
        "add_lead" => KommoLeadAction.Add,
        "update_lead" => KommoLeadAction.Update,
        _ => throw new ArgumentException($"No Kommo event is called {fileEvent}: name payload files after a webhook setting.", nameof(fileEvent)),
    };
}
