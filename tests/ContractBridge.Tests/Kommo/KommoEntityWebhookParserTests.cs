using System.Text;
using ContractBridge.Kommo.Webhooks;

namespace ContractBridge.Tests.Kommo;

/// <summary>update_contact and update_company bodies: Kommo sends both under contacts[update], a company with type=company.</summary>
public sealed class KommoEntityWebhookParserTests
{
    private const string Form = "application/x-www-form-urlencoded";

    [Fact]
    public void ContactAndCompanyUpdates_AreReadWithTheirTypes_BesideTheLeads()
    {
        var webhook = Parse(
            "leads[update][0][id]=11&leads[update][0][status_id]=5&leads[update][0][pipeline_id]=3"
            + "&contacts[update][0][id]=7001&contacts[update][0][name]=Dana&contacts[update][0][custom_fields][0][id]=9&contacts[update][0][type]=contact"
            + "&contacts[update][1][id]=8001&contacts[update][1][name]=Globex&contacts[update][1][type]=company"
            + "&companies[update][0][id]=8002&account[subdomain]=acme");

        Assert.Equal([11L], webhook.Leads.Select(l => l.LeadId));
        Assert.Equal(
            [new KommoEntityChange(KommoEntityType.Company, KommoLeadAction.Update, 8002), new(KommoEntityType.Contact, KommoLeadAction.Update, 7001), new(KommoEntityType.Company, KommoLeadAction.Update, 8001)],
            webhook.Entities);
    }

    [Fact]
    public void AContactWithoutAType_IsAContact_AndAnAddIsReadAsAnAdd()
    {
        var webhook = Parse("contacts[add][0][id]=5&account[subdomain]=acme");

        Assert.Equal([new KommoEntityChange(KommoEntityType.Contact, KommoLeadAction.Add, 5)], webhook.Entities);
        Assert.Empty(webhook.Leads);
    }

    [Theory]
    [InlineData("contacts[update][0][name]=Dana", "contacts[update][0] has no [id]")]
    [InlineData("contacts[update][0][id]=-4", "must be a positive integer")]
    [InlineData("contacts[update][x][id]=4", "has an index that is not a number")]
    public void AContactWithoutAUsableId_IsRefused(string body, string message)
    {
        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherEntities_AreIgnored()
    {
        var webhook = Parse("customers[update][0][id]=3&contacts[note][0][note][text]=hi&account[subdomain]=acme");

        Assert.Empty(webhook.Entities);
    }

    private static KommoWebhook Parse(string body)
    {
        var result = KommoWebhookParser.Parse(Form, Encoding.UTF8.GetBytes(body));
        Assert.True(result.Succeeded, result.Error);
        return result.Webhook;
    }
}
