namespace ContractBridge.Cli;

/// <summary>What every command returns, so scripts can tell "something is wrong out there" from "you set me up wrong".</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found a failure (a check failed, an upstream refused, a job was not dead).</summary>
    public const int Failure = 1;

    /// <summary>The configuration is incomplete or contradictory: nothing was tried.</summary>
    public const int ConfigurationError = StartupErrors.ConfigurationError;

    /// <summary>`contracts preview`: the deal was read and its launch would not go through (the problems are listed).</summary>
    public const int ProblemsFound = 3;
}
