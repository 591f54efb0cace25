namespace ContractBridge.Tests.Operators.Support;

/// <summary>
/// How a README command line is run in the test and what it must do. A command that runs until stopped (`serve`) is
/// started, must answer /readyz, and is then stopped with SIGTERM as systemd would; the others run to their end.
/// </summary>
/// <param name="Prints">Text its output must contain.</param>
/// <param name="JsonLogs">Every line it writes to stdout is a JSON object (`--log-format json`).</param>
/// <param name="Then">What must hold at the simulators afterwards.</param>
internal sealed record ReadmeExpectation(bool RunsUntilStopped, int ExitCode, string? Prints = null, bool JsonLogs = false, Action<ReadmeWorld>? Then = null)
{
    public static ReadmeExpectation Exits(int exitCode, string prints, Action<ReadmeWorld>? then = null) => new(false, exitCode, prints, Then: then);

    public static ReadmeExpectation ServesUntilStopped(bool jsonLogs = false) => new(true, 0, JsonLogs: jsonLogs);
}
