using ContractBridge.Configuration;
using ContractBridge.Contracts;
using ContractBridge.Flows;
using ContractBridge.Flows.Launch;
using ContractBridge.Flows.Mapping;
using ContractBridge.Flows.Preview;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Tests.Flows.Preview;

/// <summary>The preview's problems, found from the launch's own plan: in the launch's order, each with its code and the launch's words.</summary>
public sealed class PreviewProblemsTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly ContractRule Rule = new() { Name = "msa", Template = "MSA" };

    [Fact]
    public void ADealTheDefaultMappingFills_HasNoProblems()
    {
        var (plan, mappingPlan) = Plan(null, DealBuilder.Deal());

        Assert.Empty(PreviewProblems.Find(Rule, null, plan, mappingPlan, CustomFieldNames.None));
    }

    [Fact]
    public void AMissingEmail_IsAMissingRequiredAttribute_InTheLaunchNotesWords()
    {
        var (plan, mappingPlan) = Plan(null, DealBuilder.Deal(emails: []));

        var problem = Assert.Single(PreviewProblems.Find(Rule, null, plan, mappingPlan, CustomFieldNames.None));

        Assert.Equal((PreviewProblemCodes.MissingRequired, "counterpartySignerEmail"), (problem.Code, problem.Attribute));
        Assert.Equal(plan.Mapping!.Problems.Single().Message, problem.Message);
        Assert.Contains("is required, but the main contact 'Jane Doe' has no email", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MappingProblems_KeepTheirKinds_TypeMismatchUnknownAttributeUnfillableAndUnmapped()
    {
        var mapping = new Dictionary<string, string>
        {
            ["counterpartyName"] = "company.name",
            ["counterpartySignerName"] = "contact.name",
            ["counterpartySignerEmail"] = "lead.price",
            ["purchaseOrder"] = "lead.name",
            ["governingAddress"] = "company.name",
        };
        var (plan, mappingPlan) = Plan(mapping, DealBuilder.Deal());

        var problems = PreviewProblems.Find(Rule, null, plan, mappingPlan, CustomFieldNames.None);

        Assert.Equal(
            [("counterpartySignerEmail", PreviewProblemCodes.TypeMismatch), ("purchaseOrder", PreviewProblemCodes.UnknownAttribute), ("governingAddress", PreviewProblemCodes.UnfillableType)],
            problems.Select(p => (p.Attribute!, p.Code)).ToList());
    }

    [Fact]
    public void AValueThatDoesNotFitItsType_IsATypeMismatch()
    {
        var mapping = new Dictionary<string, string>
        {
            ["counterpartyName"] = "company.name",
            ["counterpartySignerName"] = "contact.name",
            ["counterpartySignerEmail"] = "contact.email",
            ["termMonths"] = "lead.cf[TERM]",
        };
        var (plan, mappingPlan) = Plan(mapping, DealBuilder.Deal(leadFields: [DealBuilder.Field(648211, "TERM", "twelve")]));

        var problem = Assert.Single(PreviewProblems.Find(Rule, null, plan, mappingPlan, Fields(("lead", 648211, "TERM", "Term"))));

        Assert.Equal((PreviewProblemCodes.TypeMismatch, "termMonths"), (problem.Code, problem.Attribute));
        Assert.Contains("must be a number, but the value is 'twelve'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACustomFieldKommoDoesNotDefine_IsAnUnknownField_ListingTheFieldsThereAre()
    {
        var mapping = new Dictionary<string, string>
        {
            ["counterpartyName"] = "lead.cf[LEGAL_ENTITY] ?? company.name",
            ["counterpartySignerName"] = "contact.name",
            ["counterpartySignerEmail"] = "contact.email",
            ["termMonths"] = "lead.cf[648211] ?? 12",
        };
        var (plan, mappingPlan) = Plan(mapping, DealBuilder.Deal());
        var fields = Fields(("lead", 648211, null, "Term (months)"));

        var problem = Assert.Single(PreviewProblems.Find(Rule, null, plan, mappingPlan, fields));

        Assert.Equal((PreviewProblemCodes.UnknownField, "counterpartyName"), (problem.Code, problem.Attribute));
        Assert.Equal("reads lead.cf[LEGAL_ENTITY], but there is no lead custom field with this id or code; the leads have: 'Term (months)' (648211)", problem.Message);
        Assert.Equal("lead.cf[648211] (Term (months))", fields.Describe(mappingPlan.Attributes.Single(a => a.Id == "termMonths").Expression.Terms[0]));
    }

    [Fact]
    public void ACustomFieldCode_MatchesItsDefinition_WhateverItsCase()
    {
        var fields = Fields(("contact", 70001, "SIGNER_TITLE", "Signer title"));
        var term = (MappingSource.CustomField)MappingExpression.Parse("contact.cf[signer_title]").Terms[0];

        Assert.Equal(70001, fields.Find(term)?.Id);
        Assert.Equal("contact.cf[signer_title] (Signer title)", fields.Describe(term));
    }

    [Fact]
    public void ADealWithAContractInProgress_AndClosed_SaysBoth_BeforeTheMapping()
    {
        var existing = new ContractLink(101, "wf-1", "IC-7", "MSA", "msa", ContractState.Review, false, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);
        var (open, mappingPlan) = Plan(null, DealBuilder.Deal(emails: []));
        var plan = open with { ClosedStage = "Closed - won" };

        var problems = PreviewProblems.Find(Rule, existing, plan, mappingPlan, CustomFieldNames.None);

        Assert.Equal([PreviewProblemCodes.AlreadyLinked, PreviewProblemCodes.DealClosed, PreviewProblemCodes.MissingRequired], problems.Select(p => p.Code).ToList());
        Assert.Equal(DealNotes.AlreadyInProgress("MSA", existing, null), problems[0].Message);
        Assert.Equal("Ironclad: the MSA contract was not launched: the deal is already in 'Closed - won'.", problems[1].Message);
    }

    [Fact]
    public void AnUnknownTemplate_IsTheTemplatesProblem_AsTheLookupWordsIt()
    {
        var plan = new LaunchPlan("Send contract", null, new TemplateLookup(null, "no Ironclad template is named 'MSA' (templates: NDA)"), null);

        var problem = Assert.Single(PreviewProblems.Find(Rule, null, plan, null, CustomFieldNames.None));

        Assert.Equal((PreviewProblemCodes.Template, "no Ironclad template is named 'MSA' (templates: NDA)"), (problem.Code, problem.Message));
    }

    [Fact]
    public void ADealInNoRulesStage_NamesItsStageAndEachRulesStage()
    {
        var problem = PreviewProblems.NotInRuleStage("Negotiation", "Sales", ["msa: 'Send contract' of 'Sales'"]);

        Assert.Equal(PreviewProblemCodes.NotInRuleStage, problem.Code);
        Assert.Equal("the deal is in 'Negotiation' of 'Sales', which is no rule's trigger stage (msa: 'Send contract' of 'Sales'); name a rule to preview it anyway", problem.Message);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("Closed - lost", false)]
    public void TheLaunchsPlan_LaunchesOnlyWhenNothingStopsIt(string? closedStage, bool launches)
    {
        var (open, _) = Plan(null, DealBuilder.Deal());
        var plan = open with { ClosedStage = closedStage };

        Assert.Equal(launches, plan.CanLaunch(out var template, out var attributes));
        Assert.Equal(launches, template is not null && attributes is not null);
        Assert.Equal(launches, plan.Refusal(Rule) is null);
    }

    private static (LaunchPlan Plan, MappingPlan MappingPlan) Plan(IReadOnlyDictionary<string, string>? mapping, DealSnapshot deal)
    {
        var template = Templates.Msa();
        var mappingPlan = AttributeMapper.Plan(mapping, template);
        return (new LaunchPlan("Send contract", null, new TemplateLookup(template, null), AttributeMapper.Map(mappingPlan, deal, "EUR", Today)), mappingPlan);
    }

    private static CustomFieldNames Fields(params (string Entity, long Id, string? Code, string Name)[] definitions) =>
        new(definitions.GroupBy(d => d.Entity).ToDictionary(g => g.Key, g => (IReadOnlyList<KommoCustomField>)[.. g.Select(d => new KommoCustomField(d.Id, d.Name, "text", d.Code, null))]));
}
