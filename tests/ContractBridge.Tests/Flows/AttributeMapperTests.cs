using System.Text.Json.Nodes;
using ContractBridge.Flows.Mapping;

namespace ContractBridge.Tests.Flows;

public sealed class AttributeMapperTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void DefaultMapping_FillsTheTemplatesAttributes_WithWorkEmailAndMonetaryValue()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());

        var result = AttributeMapper.Map(plan, DealBuilder.Deal(), "EUR", Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("Acme Ltd", (string?)result.Attributes["counterpartyName"]);
        Assert.Equal("Jane Doe", (string?)result.Attributes["counterpartySignerName"]);
        Assert.Equal("jane@acme.example", (string?)result.Attributes["counterpartySignerEmail"]);
        Assert.Equal("101", (string?)result.Attributes["kommoLeadId"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("{\"amount\":22500,\"currency\":\"EUR\"}"), result.Attributes["contractValue"]));
        Assert.False(result.Attributes.ContainsKey("effectiveDate"));
    }

    [Fact]
    public void CounterpartyName_FallsBackToTheContact_WhenTheDealHasNoCompany()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());

        var result = AttributeMapper.Map(plan, DealBuilder.Deal(withCompany: false), "EUR", Today);

        Assert.Equal("Jane Doe", (string?)result.Attributes["counterpartyName"]);
    }

    [Fact]
    public void MissingEmail_IsAProblemNamingTheAttributeAndTheContact()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());

        var result = AttributeMapper.Map(plan, DealBuilder.Deal(emails: []), "EUR", Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("counterpartySignerEmail", problem.Attribute);
        Assert.Contains("required", problem.Message, StringComparison.Ordinal);
        Assert.Contains("the main contact 'Jane Doe' has no email", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoContact_NamesEveryRequiredAttributeItEmpties()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());

        var result = AttributeMapper.Map(plan, DealBuilder.Deal(withContact: false), "EUR", Today);

        Assert.Equal(["counterpartySignerEmail", "counterpartySignerName"], result.Problems.Select(p => p.Attribute).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.Contains("the deal has no contact", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void InvalidEmail_IsAProblem_NotSentToIronclad()
    {
        var plan = AttributeMapper.Plan(null, Templates.Msa());

        var result = AttributeMapper.Map(plan, DealBuilder.Deal(emails: [("jane at acme", "WORK")]), "EUR", Today);

        var problem = Assert.Single(result.Problems);
        Assert.Contains("must be an email address", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitMapping_ReadsCustomFieldsConstantsAndDates()
    {
        var mapping = new Dictionary<string, string>
        {
            ["counterpartyName"] = "lead.cf[LEGAL_NAME] ?? company.name",
            ["counterpartySignerName"] = "contact.name",
            ["counterpartySignerEmail"] = "contact.email",
            ["termMonths"] = "lead.cf[555]",
            ["autoRenew"] = "true",
            ["effectiveDate"] = "today+30d",
        };
        var deal = DealBuilder.Deal(leadFields: [DealBuilder.Field(444, "LEGAL_NAME", "Acme Holdings GmbH"), DealBuilder.Field(555, null, "24")]);

        var result = AttributeMapper.Map(AttributeMapper.Plan(mapping, Templates.Msa()), deal, "EUR", Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("Acme Holdings GmbH", (string?)result.Attributes["counterpartyName"]);
        Assert.Equal(24m, result.Attributes["termMonths"]!.GetValue<decimal>());
        Assert.True((bool)result.Attributes["autoRenew"]!);
        Assert.Equal("2026-12-27", (string?)result.Attributes["effectiveDate"]);
        Assert.Equal("101", (string?)result.Attributes["kommoLeadId"]);
    }

    [Fact]
    public void ExplicitMapping_ToAnUnknownAttribute_IsAProblemListingTheTemplatesAttributes()
    {
        var mapping = new Dictionary<string, string>(AttributeMapper.DefaultMapping) { ["signerTitle"] = "'CEO'" };

        var plan = AttributeMapper.Plan(mapping, Templates.Msa());

        var problem = Assert.Single(plan.Problems);
        Assert.Equal("signerTitle", problem.Attribute);
        Assert.Contains("is not an attribute of the template 'MSA'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("counterpartyName", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_WithAnIncompatibleType_IsCaughtBeforeAnyDealIsRead()
    {
        var mapping = new Dictionary<string, string>(AttributeMapper.DefaultMapping) { ["termMonths"] = "contact.name", ["counterpartySignerEmail"] = "contact.name" };

        var plan = AttributeMapper.Plan(mapping, Templates.Msa());

        Assert.Equal(["counterpartySignerEmail", "termMonths"], plan.Problems.Select(p => p.Attribute).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RequiredAttribute_WithoutAMapping_IsAProblem()
    {
        var mapping = new Dictionary<string, string> { ["counterpartyName"] = "company.name", ["counterpartySignerName"] = "contact.name" };

        var plan = AttributeMapper.Plan(mapping, Templates.Msa());

        var problem = Assert.Single(plan.Problems);
        Assert.Equal("counterpartySignerEmail", problem.Attribute);
        Assert.Contains("nothing is mapped to it", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnfillableType_IsAProblem()
    {
        var mapping = new Dictionary<string, string>(AttributeMapper.DefaultMapping) { ["governingAddress"] = "company.name" };

        var plan = AttributeMapper.Plan(mapping, Templates.Msa());

        Assert.Contains(plan.Problems, p => p.Attribute == "governingAddress" && p.Message.Contains("cannot fill", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomFieldWithAText_ForANumberAttribute_IsAProblemAtMappingTime()
    {
        var mapping = new Dictionary<string, string>(AttributeMapper.DefaultMapping) { ["termMonths"] = "lead.cf[555]" };
        var deal = DealBuilder.Deal(leadFields: [DealBuilder.Field(555, null, "two years")]);

        var result = AttributeMapper.Map(AttributeMapper.Plan(mapping, Templates.Msa()), deal, "EUR", Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("termMonths", problem.Attribute);
        Assert.Contains("must be a number, but the value is 'two years' (from lead.cf[555])", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contact.nmae", "is not a known source")]
    [InlineData("'unclosed", "unclosed quote")]
    [InlineData("lead.cf[]", "is not a custom field")]
    [InlineData("deal.cf[1]", "is not a custom field")]
    [InlineData("today+x", "is not a date")]
    [InlineData("company.name ?? ", "empty term")]
    public void UnreadableExpressions_SayWhatIsWrong(string expression, string expected)
    {
        var ok = MappingExpression.TryParse(expression, out _, out var error);

        Assert.False(ok);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotedConstant_MayContainQuotesAndQuestionMarks()
    {
        var expression = MappingExpression.Parse("'Who''s there ?? nobody' ?? company.name");

        Assert.Equal(2, expression.Terms.Count);
        Assert.Equal("Who's there ?? nobody", expression.Terms[0].Read(DealBuilder.Deal(), Today)!.AsText());
    }
}
