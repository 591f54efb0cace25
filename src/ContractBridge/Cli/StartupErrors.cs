namespace ContractBridge.Cli;

/// <summary>
/// Turns configuration problems found at start into a readable list and exit code 2, and a start that fails on the
/// machine (the address is taken, the data directory cannot be created or written) into one line and exit code 1,
/// instead of a stack trace.
/// </summary>
public static class StartupErrors
{
    public const int ConfigurationError = 2;

    public static async Task<int> RunAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("ContractBridge cannot start: its configuration is incomplete.");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"  - {failure}");
            }

            await Console.Error.WriteLineAsync("See README.md, section Configuration.");
            return ConfigurationError;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"ContractBridge cannot start: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
