using System.Text;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Tests.Kommo;

public sealed class KommoWebhookParserTests
{
    private const string Form = "application/x-www-form-urlencoded";

    [Fact]
    public void DocumentedStatusWebhook_ParsesTheLeadAndAccount()
    {
        var body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kommo", "Payloads", "status-one-lead.form.txt")).Trim();

        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes(body));

        Assert.True(result.Succeeded, result.Error);
        var lead = Assert.Single(result.Webhook.Leads);
        Assert.Equal(new KommoLeadChange(KommoLeadAction.Status, 10701093, 142, 20067736, 9217056, 9217056, 1539782664), lead);
        Assert.Equal("acme", result.Webhook.AccountSubdomain);
        Assert.Equal(17769199, result.Webhook.AccountId);
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
        var body = "{\"leads\":{\"status\":[{\"id\":11,\"pipeline_id\":\"7\",\"old_pipeline_id\":7,\"status_id\":55,\"old_status_id\":\"54\"}]}}";

        var result = KommoWebhookParser.Parse("application/json", Encoding.UTF8.GetBytes(body));

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
}
