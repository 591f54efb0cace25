using ContractBridge.Simulators.Kommo.Control;
using ContractBridge.Simulators.Kommo.Control.Contracts;

namespace ContractBridge.Simulators.Tests.Kommo.Support;

/// <summary>
/// A small account the tests share: a "Sales" pipeline (New, Send contract, Contract sent) and a "Renewals" pipeline,
/// a rep, a select and a text field on leads, a company, a contact with a work email and a mobile phone, one without
/// email, and three leads: one bare (no fields, no contacts), one complete, one more in Sales.
/// </summary>
public sealed record TestAccount(
    SeededPipeline Sales,
    SeededPipeline Renewals,
    long RepId,
    SeededCustomField Source,
    SeededCustomField ContractType,
    long CompanyId,
    long DanaId,
    long HankId,
    long BareLeadId,
    long FullLeadId,
    long OtherLeadId)
{
    public long SendContract => Sales.StatusId("Send contract");

    public long ContractSent => Sales.StatusId("Contract sent");

    public static TestAccount Seed(KommoControl control)
    {
        var sales = control.AddPipeline(new SeedPipeline { Name = "Sales", Stages = ["New", "Send contract", "Contract sent"], IsMain = true });
        var renewals = control.AddPipeline(new SeedPipeline { Name = "Renewals", Stages = ["Renewal due", "Send contract"] });
        var rep = control.AddUser(new SeedUser { Name = "Maria Lopez", Email = "maria@acme.example" });
        var source = control.AddCustomField(new SeedCustomField { Name = "Source", Type = "select", Enums = ["Website", "Referral"] });
        var contractType = control.AddCustomField(new SeedCustomField { Name = "Contract type", Type = "text" });
        var company = control.AddCompany(new SeedCompany { Name = "Globex Corporation" });
        var dana = control.AddContact(new SeedContact
        {
            FirstName = "Dana",
            LastName = "Scully",
            Emails = [new("dana@globex.example", "WORK"), new("dana@home.example", "PRIV")],
            Phones = [new("+1 202 555 0143", "MOB")],
            CompanyId = company,
        });
        var hank = control.AddContact(new SeedContact { FirstName = "Hank", LastName = "Scorpio", Phones = [new("+1 202 555 0199")] });
        var bare = control.AddLead(new SeedLead { Name = "Bare lead", PipelineId = sales.Id });
        var full = control.AddLead(new SeedLead
        {
            Name = "Globex license",
            Price = 48000,
            PipelineId = sales.Id,
            StatusId = sales.StatusId("New"),
            ResponsibleUserId = rep,
            CompanyId = company,
            Contacts = [new(hank), new(dana, IsMain: true)],
            CustomFields = [new SeedFieldValue { FieldId = source.Id, Values = ["Website"] }, new SeedFieldValue { FieldId = contractType.Id, Values = ["MSA"] }],
        });
        var other = control.AddLead(new SeedLead { Name = "Initech NDA", Price = 1000, PipelineId = sales.Id, ResponsibleUserId = rep });
        return new TestAccount(sales, renewals, rep, source, contractType, company, dana, hank, bare, full, other);
    }
}
