using System.Text.Json.Nodes;
using ContractBridge.Simulators.Kommo.Control.Contracts;
using ContractBridge.Simulators.Kommo.Operations;
using ContractBridge.Simulators.Kommo.Store;

namespace ContractBridge.Simulators.Kommo.SampleData;

/// <summary>
/// A small, realistic account for the demo: a "Sales" pipeline whose "Send contract" stage is what the bridge watches, a
/// "Renewals" pipeline with its own "Send contract", two reps, contract-related lead fields, three companies, contacts
/// with work and private emails (and one without any email), and deals in the early stages, none yet at "Send contract".
/// </summary>
internal static class KommoSampleAccount
{
    public static SampleAccountIds Seed(KommoAccountData data, long now)
    {
        var maria = AccountSeeder.AddUser(data, new SeedUser { Name = "Maria Lopez", Email = "maria.lopez@acme.example" });
        var john = AccountSeeder.AddUser(data, new SeedUser { Name = "John Carter", Email = "john.carter@acme.example" });
        foreach (var reason in new[] { "Too expensive", "Chose a competitor", "No budget this year" })
        {
            AccountSeeder.AddLossReason(data, new SeedLossReason { Name = reason }, now);
        }

        var sales = AccountSeeder.AddPipeline(data, new SeedPipeline
        {
            Name = "Sales",
            Stages = ["New lead", "Qualified", "Proposal", "Send contract", "Contract sent"],
            IsMain = true,
        });
        var renewals = AccountSeeder.AddPipeline(data, new SeedPipeline
        {
            Name = "Renewals",
            Stages = ["Renewal due", "Send contract", "Contract sent"],
        });

        var contractType = AccountSeeder.AddCustomField(data, new SeedCustomField
        {
            Name = "Contract type",
            Type = "select",
            Enums = ["Master Services Agreement", "Mutual NDA", "Order Form"],
        });
        var term = AccountSeeder.AddCustomField(data, new SeedCustomField { Name = "Contract term (months)", Type = "numeric" });
        var startDate = AccountSeeder.AddCustomField(data, new SeedCustomField { Name = "Contract start date", Type = "date" });
        var source = AccountSeeder.AddCustomField(data, new SeedCustomField { Name = "Source", Type = "select", Enums = ["Website", "Referral", "Event"] });
        var legalReview = AccountSeeder.AddCustomField(data, new SeedCustomField { Name = "Legal review needed", Type = "checkbox" });
        var billingEntity = AccountSeeder.AddCustomField(data, new SeedCustomField { Name = "Billing entity", Type = "text" });

        var globex = AccountSeeder.AddCompany(data, new SeedCompany { Name = "Globex Corporation", ResponsibleUserId = maria }, now);
        var initech = AccountSeeder.AddCompany(data, new SeedCompany { Name = "Initech", ResponsibleUserId = john }, now);
        var umbrella = AccountSeeder.AddCompany(data, new SeedCompany { Name = "Umbrella Health", ResponsibleUserId = maria }, now);

        var dana = AccountSeeder.AddContact(data, new SeedContact
        {
            FirstName = "Dana",
            LastName = "Scully",
            Emails = [new("dana.scully@globex.example", "WORK"), new("dana@home.example", "PRIV")],
            Phones = [new("+1 202 555 0143", "MOB")],
            CompanyId = globex,
            ResponsibleUserId = maria,
        }, now);
        var hank = AccountSeeder.AddContact(data, new SeedContact
        {
            FirstName = "Hank",
            LastName = "Scorpio",
            Phones = [new("+1 202 555 0199", "WORK")],
            CompanyId = globex,
            ResponsibleUserId = maria,
        }, now);
        var peter = AccountSeeder.AddContact(data, new SeedContact
        {
            FirstName = "Peter",
            LastName = "Gibbons",
            Emails = [new("peter.gibbons@initech.example", "WORK")],
            Phones = [new("+1 512 555 0110", "WORK")],
            CompanyId = initech,
            ResponsibleUserId = john,
        }, now);
        var alice = AccountSeeder.AddContact(data, new SeedContact
        {
            FirstName = "Alice",
            LastName = "Wong",
            Emails = [new("alice.wong@mail.example", "PRIV")],
            CompanyId = umbrella,
            ResponsibleUserId = maria,
        }, now);

        var startOfNextMonth = DateTimeOffset.FromUnixTimeSeconds(now).UtcDateTime.Date.AddMonths(1);
        var contractStart = new DateTimeOffset(startOfNextMonth.Year, startOfNextMonth.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var leads = new List<long>
        {
            AccountSeeder.AddLead(data, new SeedLead
            {
                Name = "Globex annual platform license",
                Price = 48000,
                PipelineId = sales.Id,
                StatusId = sales.StatusId("Proposal"),
                ResponsibleUserId = maria,
                CompanyId = globex,
                Contacts = [new(dana, IsMain: true), new(hank)],
                CustomFields =
                [
                    Value(contractType.Id, "Master Services Agreement"),
                    Value(term.Id, 12),
                    Value(startDate.Id, contractStart),
                    Value(source.Id, "Website"),
                    Value(legalReview.Id, true),
                    Value(billingEntity.Id, "Globex Corporation Ltd."),
                ],
            }, now).Id,
            AccountSeeder.AddLead(data, new SeedLead
            {
                Name = "Globex support add-on",
                Price = 6000,
                PipelineId = sales.Id,
                StatusId = sales.StatusId("Qualified"),
                ResponsibleUserId = maria,
                CompanyId = globex,
                Contacts = [new(hank, IsMain: true)],
                CustomFields = [Value(contractType.Id, "Order Form"), Value(source.Id, "Referral")],
            }, now).Id,
            AccountSeeder.AddLead(data, new SeedLead
            {
                Name = "Initech mutual NDA",
                PipelineId = sales.Id,
                StatusId = sales.StatusId("New lead"),
                ResponsibleUserId = john,
                CompanyId = initech,
                Contacts = [new(peter, IsMain: true)],
            }, now).Id,
            AccountSeeder.AddLead(data, new SeedLead
            {
                Name = "Umbrella Health pilot",
                Price = 12500,
                PipelineId = sales.Id,
                StatusId = sales.StatusId("Proposal"),
                ResponsibleUserId = maria,
                CompanyId = umbrella,
                Contacts = [new(alice, IsMain: true)],
                CustomFields = [Value(contractType.Id, "Master Services Agreement"), Value(term.Id, 6), Value(source.Id, "Event")],
            }, now).Id,
            AccountSeeder.AddLead(data, new SeedLead
            {
                Name = "Initech renewal",
                Price = 30000,
                PipelineId = renewals.Id,
                StatusId = renewals.StatusId("Renewal due"),
                ResponsibleUserId = john,
                CompanyId = initech,
                Contacts = [new(peter, IsMain: true)],
                CustomFields = [Value(contractType.Id, "Order Form"), Value(term.Id, 24)],
            }, now).Id,
        };

        return new SampleAccountIds(
            sales,
            renewals,
            [maria, john],
            [globex, initech, umbrella],
            [dana, hank, peter, alice],
            hank,
            leads,
            new Dictionary<string, long>(StringComparer.Ordinal)
            {
                [contractType.Name] = contractType.Id,
                [term.Name] = term.Id,
                [startDate.Name] = startDate.Id,
                [source.Name] = source.Id,
                [legalReview.Name] = legalReview.Id,
                [billingEntity.Name] = billingEntity.Id,
            });
    }

    private static SeedFieldValue Value(long fieldId, JsonNode value) => new() { FieldId = fieldId, Values = [value] };
}
