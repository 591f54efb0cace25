using ContractBridge.Simulators.Kommo;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Tests.Integration.Support;

/// <summary>A Kommo account seeded for a test: a Sales pipeline with a "Send contract" stage, and helpers to add deals.</summary>
internal sealed class SalesAccount(KommoSimulator kommo, SeededPipeline sales, SeededPipeline partners, long repId)
{
    public SeededPipeline Sales { get; } = sales;

    public SeededPipeline Partners { get; } = partners;

    public long RepId { get; } = repId;

    /// <summary>The Kommo simulator's web root: its consent page and the account host Kommo's OAuth redirect names.</summary>
    public Uri KommoUrl => kommo.BaseUrl;

    public long SendContract => Sales.StatusId("Send contract");

    public long Negotiation => Sales.StatusId("Negotiation");

    public static SalesAccount Seed(KommoSimulator kommo)
    {
        var rep = kommo.Control.AddUser(new SeedUser { Name = "Rita Rep", Email = "rita@acme.example" });
        var sales = kommo.Control.AddPipeline(new SeedPipeline { Name = "Sales", Stages = ["New", "Negotiation", "Send contract", "Invoice"], IsMain = true });
        var partners = kommo.Control.AddPipeline(new SeedPipeline { Name = "Partners", Stages = ["Intro", "Send NDA"] });
        return new SalesAccount(kommo, sales, partners, rep);
    }

    /// <summary>A deal in Negotiation with a company and a main contact (WORK email unless told otherwise).</summary>
    public long AddDeal(string name, long price = 25_000, string? email = "signer@client.example", string contactName = "Sam Signer", bool withCompany = true, long? pipelineId = null, long? statusId = null, IReadOnlyList<SeedFieldValue>? customFields = null)
    {
        var company = withCompany ? kommo.Control.AddCompany(new SeedCompany { Name = name + " Ltd" }) : (long?)null;
        var contact = kommo.Control.AddContact(new SeedContact
        {
            Name = contactName,
            Emails = email is null ? [] : [new SeedContactChannel("private@home.example", "PRIV"), new SeedContactChannel(email, "WORK")],
            Phones = [new SeedContactChannel("+1 555 0100", "WORK")],
            CompanyId = company,
        });
        return kommo.Control.AddLead(new SeedLead
        {
            Name = name,
            Price = price,
            PipelineId = pipelineId ?? Sales.Id,
            StatusId = statusId ?? Negotiation,
            ResponsibleUserId = RepId,
            Contacts = [new SeedLeadContact(contact, IsMain: true)],
            CompanyId = company,
            CustomFields = customFields ?? [],
        });
    }

    public void MoveToSendContract(params long[] leadIds) =>
        kommo.Control.MoveLeads(new MoveLeads { LeadIds = leadIds, StatusId = SendContract });
}
