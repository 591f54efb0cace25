using System.Net;
using ContractBridge.Simulators.Kommo.Control;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Tests.Kommo.Support;

namespace ContractBridge.Simulators.Tests.Kommo;

/// <summary>
/// A rep editing a contact or a company sends update_contact / update_company as Kommo does: form-encoded under
/// <c>contacts[update]</c>, a company marked <c>[type]=company</c>, only to destinations subscribed to that setting.
/// </summary>
public sealed class KommoContactWebhookTests
{
    [Fact]
    public async Task ContactEdit_SendsUpdateContact_WithTheNewValues_AndTypeContact()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "update_contact", "update_lead");

        kommo.Control.EditContact(new EditContact { ContactId = account.DanaId, Name = "Dana K. Scully", Emails = [new("dana.scully@globex.example", "WORK")] });
        var hook = (await receiver.WaitForAsync(1)).Single();

        Assert.Equal(account.DanaId.ToString(), hook["contacts[update][0][id]"]);
        Assert.Equal("Dana K. Scully", hook["contacts[update][0][name]"]);
        Assert.Equal("contact", hook["contacts[update][0][type]"]);
        Assert.Equal(account.CompanyId.ToString(), hook["contacts[update][0][linked_company_id]"]);
        Assert.Contains(hook.Fields, f => f.Key.StartsWith("contacts[update][0][custom_fields]", StringComparison.Ordinal) && f.Value == "dana.scully@globex.example");
        Assert.Empty(hook.LeadIndexes("update"));
        Assert.Equal("acme", hook["account[subdomain]"]);
        using var read = await kommo.Api.GetAsync($"api/v4/contacts/{account.DanaId}");
        Assert.Contains("dana.scully@globex.example", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompanyEdit_SendsUpdateCompany_AsAContactOfTypeCompany_OnlyToItsSubscribers()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var companies = await WebhookReceiver.StartAsync();
        await using var contacts = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, companies, "update_company");
        await RegisterAsync(kommo, contacts, "update_contact");

        kommo.Control.EditCompany(new EditCompany { CompanyId = account.CompanyId, Name = "Globex International" });
        var hook = (await companies.WaitForAsync(1)).Single();
        await Eventually.TrueAsync(() => kommo.Control.PendingWebhooks == 0, "the webhook to be delivered");

        Assert.Equal(account.CompanyId.ToString(), hook["contacts[update][0][id]"]);
        Assert.Equal("Globex International", hook["contacts[update][0][name]"]);
        Assert.Equal("company", hook["contacts[update][0][type]"]);
        Assert.Empty(contacts.Received);
    }

    [Fact]
    public async Task EditThatChangesNothing_SendsNothing()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        await RegisterAsync(kommo, receiver, "update_contact", "update_company");

        kommo.Control.EditCompany(new EditCompany { CompanyId = account.CompanyId, Name = "Globex Corporation" });
        kommo.Control.EditContact(new EditContact { ContactId = account.HankId });

        Assert.Empty(kommo.Control.EmittedWebhooks);
    }

    [Fact]
    public async Task ControlClient_EditsContactsAndCompaniesOverHttp()
    {
        await using var kommo = await KommoTestServer.StartAsync();
        var account = TestAccount.Seed(kommo.Control);
        var client = kommo.ControlClient();

        await client.EditContactAsync(new EditContact { ContactId = account.HankId, FirstName = "Henry" });
        await client.EditCompanyAsync(new EditCompany { CompanyId = account.CompanyId, Name = "Globex Two" });
        var unknown = await Assert.ThrowsAsync<KommoSimulatorControlException>(() => client.EditCompanyAsync(new EditCompany { CompanyId = 999_999, Name = "x" }));

        var company = await kommo.GetJsonAsync($"api/v4/companies/{account.CompanyId}");
        var contact = await kommo.GetJsonAsync($"api/v4/contacts/{account.HankId}");
        Assert.Equal("Globex Two", company["name"]!.GetValue<string>());
        Assert.Equal("Henry", contact["first_name"]!.GetValue<string>());
        Assert.Contains("999999", unknown.Message, StringComparison.Ordinal);
    }

    private static async Task RegisterAsync(KommoTestServer kommo, WebhookReceiver receiver, params string[] settings)
    {
        var list = string.Join(',', settings.Select(s => $"\"{s}\""));
        using var response = await kommo.SendJsonAsync(HttpMethod.Post, "api/v4/webhooks", $$"""{"destination":"{{receiver.Url}}","settings":[{{list}}],"sort":10}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
