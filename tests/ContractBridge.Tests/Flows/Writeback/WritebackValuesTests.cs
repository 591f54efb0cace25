using System.Text.Json;
using ContractBridge.Configuration;
using ContractBridge.Flows.Writeback;
using ContractBridge.Kommo.Api;

namespace ContractBridge.Tests.Flows.Writeback;

/// <summary>Each contract fact in the form each Kommo field type stores it.</summary>
public sealed class WritebackValuesTests
{
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");

    [Theory]
    [InlineData("text")]
    [InlineData("textarea")]
    public void Number_InATextField_IsTheNumberAsWritten(string type)
    {
        var value = WritebackValues.Text(WritebackFact.ContractNumber, "IC-123", Field(type));

        Assert.Equal("\"IC-123\"", Json(value));
    }

    [Theory]
    [InlineData("IC-123", "123")]
    [InlineData("IC-2026-0042", "42")]
    [InlineData("777", "777")]
    [InlineData("IC-9 (amended)", "9")]
    public void Number_InANumericField_IsItsLastRunOfDigits(string number, string expected)
    {
        var value = WritebackValues.Text(WritebackFact.ContractNumber, number, Field("numeric"));

        Assert.Equal(expected, Json(value));
    }

    [Fact]
    public void Number_WithoutDigits_CannotGoInANumericField()
    {
        var value = WritebackValues.Text(WritebackFact.ContractNumber, "IC-draft", Field("numeric"));

        Assert.Null(value.Value);
        Assert.False(value.LeftAlone);
        Assert.Contains("has no digits", value.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_WithMoreDigitsThanANumberKeeps_IsRefused()
    {
        var value = WritebackValues.Text(WritebackFact.ContractNumber, "IC-1234567890123456", Field("numeric"));

        Assert.Null(value.Value);
        Assert.Contains("more digits", value.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("text")]
    public void Link_GoesInAUrlOrTextField(string type)
    {
        var value = WritebackValues.Text(WritebackFact.ContractUrl, "https://na1.ironcladapp.com/workflows/wf1", Field(type));

        Assert.Equal("\"https://na1.ironcladapp.com/workflows/wf1\"", Json(value));
    }

    [Theory]
    [InlineData(WritebackFact.ContractUrl, "numeric")]
    [InlineData(WritebackFact.ContractNumber, "url")]
    [InlineData(WritebackFact.ContractNumber, "date")]
    [InlineData(WritebackFact.ContractNumber, "select")]
    public void AFieldOfAnotherType_CannotHoldTheFact_AndSaysWhichTypesCan(WritebackFact fact, string type)
    {
        var value = WritebackValues.Text(fact, "IC-1", Field(type));

        Assert.Null(value.Value);
        Assert.Contains($"a {string.Join(", ", KommoFieldTypes.For(fact))} field", value.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("select")]
    [InlineData("radiobutton")]
    public void State_InAChoiceField_IsTheOptionWithItsLabel(string type)
    {
        var field = Field(type, ("Review", 11), ("Out for signature", 12), ("Signed", 13));

        var value = WritebackValues.Choice(WritebackFact.ContractState, "Out for signature", field);

        Assert.Equal(12, value.Value!.EnumId);
        Assert.Null(value.Value.Value);
    }

    [Fact]
    public void State_MatchesAnOptionIgnoringCase_WhenNoneMatchesExactly()
    {
        var field = Field("select", ("signature", 21), ("Signature ", 22));

        var value = WritebackValues.Choice(WritebackFact.ContractState, "SIGNATURE", field);

        Assert.Equal(21, value.Value!.EnumId);
    }

    [Fact]
    public void State_WithoutAnOption_LeavesTheFieldAlone_NamingTheOptions()
    {
        var field = Field("select", ("Review", 11), ("Signed", 13));

        var value = WritebackValues.Choice(WritebackFact.ContractState, "Draft", field);

        Assert.Null(value.Value);
        Assert.True(value.LeftAlone);
        Assert.Contains("no option 'Draft' (options: 'Review', 'Signed')", value.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void State_InATextField_IsItsLabel()
    {
        var value = WritebackValues.Choice(WritebackFact.ContractState, "Executed", Field("text"));

        Assert.Equal("\"Executed\"", Json(value));
    }

    [Fact]
    public void Day_InADateField_IsMidnightOfThatDayInTheAccountsZone()
    {
        var value = WritebackValues.Day(WritebackFact.ExpirationDate, new DateOnly(2027, 7, 1), Field("date"), Madrid);

        // Madrid is UTC+2 in July: midnight there is 22:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 22, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Json(value));
    }

    [Fact]
    public void Day_InADateTimeField_IsItsMidnightToo()
    {
        var value = WritebackValues.Day(WritebackFact.ExpirationDate, new DateOnly(2027, 1, 15), Field("date_time"), Madrid);

        Assert.Equal(new DateTimeOffset(2027, 1, 14, 23, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Json(value));
    }

    [Fact]
    public void Moment_InADateTimeField_IsItsUnixSeconds()
    {
        var signed = new DateTimeOffset(2026, 12, 3, 23, 30, 15, TimeSpan.Zero);

        var value = WritebackValues.Moment(WritebackFact.SignedDate, signed, Field("date_time"), Madrid);

        Assert.Equal(signed.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Json(value));
    }

    [Fact]
    public void Moment_InADateField_IsMidnightOfItsDayInTheAccountsZone()
    {
        // 23:30 UTC on 3 December is 00:30 on 4 December in Madrid: the contract was signed on the 4th there.
        var signed = new DateTimeOffset(2026, 12, 3, 23, 30, 15, TimeSpan.Zero);

        var value = WritebackValues.Moment(WritebackFact.SignedDate, signed, Field("date"), Madrid);

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 23, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Json(value));
    }

    [Fact]
    public void Dates_InATextField_AreTheDayAsYearMonthDay()
    {
        var signed = WritebackValues.Moment(WritebackFact.SignedDate, new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero), Field("text"), Madrid);
        var expires = WritebackValues.Day(WritebackFact.ExpirationDate, new DateOnly(2027, 12, 31), Field("textarea"), Madrid);

        Assert.Equal("\"2026-12-04\"", Json(signed));
        Assert.Equal("\"2027-12-31\"", Json(expires));
    }

    [Fact]
    public void ADate_CannotGoInANumericField()
    {
        var value = WritebackValues.Day(WritebackFact.ExpirationDate, new DateOnly(2027, 12, 31), Field("numeric"), Madrid);

        Assert.Null(value.Value);
        Assert.Contains("expiration date", value.Problem, StringComparison.Ordinal);
    }

    private static KommoCustomField Field(string type, params (string Label, long Id)[] options) =>
        new(80001, "Contract", type, null, options.Length == 0 ? null : [.. options.Select((o, i) => new KommoCustomFieldEnum(o.Id, o.Label, i + 1))]);

    private static string Json(WritebackValue value) => JsonSerializer.Serialize(Assert.IsType<KommoNewFieldValue>(value.Value).Value);
}
