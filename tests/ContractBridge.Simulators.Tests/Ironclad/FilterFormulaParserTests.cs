using System.Globalization;
using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Api;

namespace ContractBridge.Simulators.Tests.Ironclad;

public sealed class FilterFormulaParserTests
{
    private static readonly JsonObject Attributes = new()
    {
        ["kommoLeadId"] = "42",
        ["counterpartyName"] = "O'Brien & Sons",
        ["termMonths"] = 12,
        ["autoRenew"] = true,
        ["contractValue"] = new JsonObject { ["currency"] = "USD", ["amount"] = 2500 },
        ["effectiveDate"] = "2026-01-15T00:00:00.000Z",
        ["empty"] = "",
    };

    [Theory]
    [InlineData("Equals([kommoLeadId], '42')", true)]
    [InlineData("Equals([kommoLeadId],'43')", false)]
    [InlineData("NotEqual([kommoLeadId], '43')", true)]
    [InlineData("Equals([counterpartyName], 'O\\'Brien & Sons')", true)]
    [InlineData("Equals([counterpartyName], 'O''Brien & Sons')", true)]
    [InlineData("Contains([counterpartyName], 'brien')", true)]
    [InlineData("GreaterThan([termMonths], 6)", true)]
    [InlineData("LessThanOrEqual([termMonths], '12')", true)]
    [InlineData("GreaterThanOrEqual([contractValue], 3000)", false)]
    [InlineData("Equals([autoRenew], true)", true)]
    [InlineData("IsEmpty([empty])", true)]
    [InlineData("IsEmpty([missing])", true)]
    [InlineData("IsNotEmpty([kommoLeadId])", true)]
    [InlineData("Equals([missing], 'x')", false)]
    [InlineData("And(Equals([kommoLeadId], '42'), GreaterThan([termMonths], 1))", true)]
    [InlineData("Or(Equals([kommoLeadId], '1'), Equals([kommoLeadId], '2'))", false)]
    [InlineData("LessThan([effectiveDate], Date('2026-02-01'))", true)]
    [InlineData("GreaterThan([effectiveDate], Today())", false)]
    public void Formula_EvaluatesOnAttributes(string formula, bool expected)
    {
        var predicate = FilterFormulaParser.Parse(formula, DateTimeOffset.Parse("2026-03-01T00:00:00Z", CultureInfo.InvariantCulture));

        Assert.Equal(expected, predicate(Attributes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Equals([a], 'b'")]
    [InlineData("Equals([a])")]
    [InlineData("And(Equals([a], 'b'))")]
    [InlineData("And([a], [b])")]
    [InlineData("Equals([a], 'b') trailing")]
    [InlineData("Equals([], 'b')")]
    [InlineData("'just text'")]
    public void MalformedFormula_IsAFormatException(string formula) =>
        Assert.Throws<FormatException>(() => FilterFormulaParser.Parse(formula, DateTimeOffset.UnixEpoch));
}
