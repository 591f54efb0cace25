namespace ContractBridge.Cli.Check;

/// <summary>One line of `check`'s table: what was checked against which account, and what was found.</summary>
public sealed record CheckResult(string Area, string Check, CheckOutcome Outcome, string Detail)
{
    public static CheckResult Pass(string area, string check, string detail) => new(area, check, CheckOutcome.Pass, detail);

    public static CheckResult Fail(string area, string check, string detail) => new(area, check, CheckOutcome.Fail, detail);

    public static CheckResult Skip(string area, string check, string detail) => new(area, check, CheckOutcome.Skip, detail);

    public static CheckResult Warn(string area, string check, string detail) => new(area, check, CheckOutcome.Warn, detail);
}
