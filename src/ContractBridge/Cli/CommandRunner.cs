using System.CommandLine;
using System.Data.Common;
using ContractBridge.Upstream;

namespace ContractBridge.Cli;

/// <summary>
/// Runs a command's body with the settings the binary was given and the common options' overrides, and turns the
/// failures an operator can act on into one readable line and an exit code, never a stack trace.
/// </summary>
public static class CommandRunner
{
    /// <summary>
    /// Gives the command the common options (<see cref="CommonOptions"/>) and an action that opens the configuration
    /// with them and runs <paramref name="body"/>.
    /// </summary>
    public static void SetAction(
        Command command,
        IReadOnlyDictionary<string, string?> settings,
        Func<ParseResult, CliHost, TextWriter, TextWriter, CancellationToken, Task<int>> body)
    {
        var common = CommonOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse, common.Merge(settings, parse), (host, output, error) => body(parse, host, output, error, cancellationToken)));
    }

    private static async Task<int> RunAsync(
        ParseResult parse,
        IReadOnlyDictionary<string, string?> settings,
        Func<CliHost, TextWriter, TextWriter, Task<int>> body)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            await using var host = CliHost.Open(settings);
            return await body(host, output, error);
        }
        catch (OptionsValidationException ex)
        {
            await ConfigurationProblems.WriteAsync(error, ex.Failures);
            return ExitCodes.ConfigurationError;
        }
        catch (UpstreamException ex)
        {
            await error.WriteLineAsync($"Failed: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"The database could not be used: {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The data directory, above all: one that cannot be created or written.
            await error.WriteLineAsync($"A file could not be used (is --data-dir, CONTRACTBRIDGE_DATA_DIR, right?): {ex.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Failure;
        }
    }
}
