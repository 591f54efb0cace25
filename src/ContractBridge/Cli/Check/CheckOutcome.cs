namespace ContractBridge.Cli.Check;

public enum CheckOutcome
{
    Pass,
    Fail,

    /// <summary>Not tried: what it depends on failed first, or it was not asked for (no PublicUrl).</summary>
    Skip,

    /// <summary>Works, but with a weakness worth fixing; does not fail the check.</summary>
    Warn,
}
