using System.Text.Json.Nodes;
using ContractBridge.Flows.Edits;
using ContractBridge.Flows.Mapping;
using ContractBridge.Ironclad.Api;

namespace ContractBridge.Tests.Flows.Edits;

public sealed class EditDiffTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void AnUnchangedDeal_ChangesNothing_EvenWhenIroncladWritesValuesItsOwnWay()
    {
        var plan = AttributeMapper.Plan(new Dictionary<string, string>
        {
            ["counterpartyName"] = "company.name",
            ["contractValue"] = "lead.price",
            ["counterpartySignerEmail"] = "contact.email",
            ["effectiveDate"] = "lead.cf[START]",
            ["termMonths"] = "lead.cf[TERM]",
            ["counterpartySignerName"] = "contact.name",
        }, Templates.Msa());
        var deal = DealBuilder.Deal(leadFields: [DealBuilder.Field(1, "START", "2026-01-15"), DealBuilder.Field(2, "TERM", 12)]);
        var workflow = Workflow("""
            {"counterpartyName":"Acme Ltd","contractValue":{"currency":"EUR","amount":22500.0},"counterpartySignerEmail":"Jane@Acme.example",
             "effectiveDate":"2026-01-15T00:00:00.000Z","termMonths":12.0,"counterpartySignerName":"Jane Doe","kommoLeadId":"101"}
            """);

        var edits = Diff(plan, deal, workflow);

        Assert.Empty(edits);
    }

    [Fact]
    public void ARaisedBudget_IsOneEdit_NamingTheDealField_FromWhatToWhat()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());
        var workflow = Workflow("""{"counterpartyName":"Acme Ltd","contractValue":{"amount":22500,"currency":"EUR"},"counterpartySignerName":"Jane Doe","counterpartySignerEmail":"jane@acme.example","kommoLeadId":"101"}""");

        var edit = Assert.Single(Diff(plan, DealBuilder.Deal(price: 30000), workflow));

        Assert.Equal("contractValue", edit.Attribute);
        Assert.Equal("Contract Value (contractValue), from lead.price: 22500 EUR → 30000 EUR", edit.Describe());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"amount":30000,"currency":"EUR"}"""), edit.Value));
    }

    [Fact]
    public void TheTermThatGaveTheValue_IsTheOneNamed()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());
        var workflow = Workflow("""{"counterpartyName":"Acme Ltd","contractValue":{"amount":22500,"currency":"EUR"},"counterpartySignerName":"Jane Doe","counterpartySignerEmail":"jane@acme.example","kommoLeadId":"101"}""");

        var edit = Assert.Single(Diff(plan, DealBuilder.Deal(withCompany: false), workflow));

        Assert.Equal("Counterparty Name (counterpartyName), from contact.name: \"Acme Ltd\" → \"Jane Doe\"", edit.Describe());
    }

    [Fact]
    public void ReadOnly_Document_AndUnknownAttributesOfTheWorkflow_AreNeverEdited()
    {
        var plan = AttributeMapper.Plan(new Dictionary<string, string>
        {
            ["counterpartyName"] = "company.name",
            ["counterpartySignerName"] = "contact.name",
            ["counterpartySignerEmail"] = "contact.email",
            ["contractValue"] = "lead.price",
        }, Templates.Msa());
        var schema = new Dictionary<string, IroncladAttributeSchema>
        {
            ["counterpartyName"] = new("string", "Counterparty Name", null, null, ReadOnly: true),
            ["counterpartySignerName"] = new("array", "Signer", null, new IroncladAttributeSchema("document", null, null, null)),
            ["contractValue"] = new("monetaryAmount", "Contract Value", null, null),
        };
        var workflow = Workflow("""{"counterpartyName":"Old","counterpartySignerName":"Old","counterpartySignerEmail":"old@x.example","contractValue":{"amount":1,"currency":"EUR"}}""") with { Schema = schema };

        var edits = Diff(plan, DealBuilder.Deal(), workflow);

        Assert.Equal(["contractValue"], edits.Select(e => e.Attribute));
    }

    [Fact]
    public void ConstantsAndDatesFromToday_AreTheLaunchs_NotEditsOfTheDeal()
    {
        var plan = AttributeMapper.Plan(new Dictionary<string, string>
        {
            ["counterpartyName"] = "lead.cf[LEGAL] ?? 'Unnamed'",
            ["counterpartySignerName"] = "contact.name",
            ["counterpartySignerEmail"] = "contact.email",
            ["effectiveDate"] = "today+14d",
            ["termMonths"] = "24",
        }, Templates.Msa());
        var workflow = Workflow("""{"counterpartyName":"Legal name","counterpartySignerName":"Jane Doe","counterpartySignerEmail":"jane@acme.example","effectiveDate":"2026-01-01","termMonths":12,"kommoLeadId":"101"}""");

        var edits = Diff(plan, DealBuilder.Deal(), workflow);

        Assert.Empty(edits);
    }

    [Fact]
    public void AnEmptiedDealField_IsNotClearedInTheContract()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());
        var workflow = Workflow("""{"counterpartyName":"Acme Ltd","contractValue":{"amount":22500,"currency":"EUR"},"counterpartySignerName":"Jane Doe","counterpartySignerEmail":"jane@acme.example","kommoLeadId":"101"}""");

        var edits = Diff(plan, DealBuilder.Deal(price: null), workflow);

        Assert.Empty(edits);
    }

    [Theory]
    [InlineData("number", "25000", "25000.00", true)]
    [InlineData("number", "25000", "25001", false)]
    [InlineData("date", "\"2026-01-15\"", "\"2026-01-15T00:00:00.000Z\"", true)]
    [InlineData("date", "\"2026-01-15\"", "\"2026-01-16\"", false)]
    [InlineData("email", "\"A@B.example\"", "\"a@b.example\"", true)]
    [InlineData("string", "\"Acme\"", "\"acme\"", false)]
    [InlineData("monetaryAmount", """{"currency":"usd","amount":5}""", """{"amount":5.0,"currency":"USD"}""", true)]
    [InlineData("monetaryAmount", """{"currency":"USD","amount":5}""", """{"amount":5,"currency":"EUR"}""", false)]
    [InlineData("boolean", "true", "false", false)]
    public void Values_AreComparedAsTheirType(string type, string current, string wanted, bool same) =>
        Assert.Equal(same, AttributeValues.Same(type, JsonNode.Parse(current), JsonNode.Parse(wanted)));

    private static IReadOnlyList<AttributeEdit> Diff(MappingPlan plan, DealSnapshot deal, IroncladWorkflow workflow) =>
        EditDiff.Compute(plan, deal, Today, AttributeMapper.Map(plan, deal, "EUR", Today).Attributes, workflow);

    private static IroncladWorkflow Workflow(string attributes) =>
        new("wf", "IC-1", "MSA", "tpl-msa", "Review", "active", JsonNode.Parse(attributes)!.AsObject(), null, null, null);
}
