namespace ContractBridge.Observability;

/// <summary>Refuses a metrics token too short to keep anyone out, and a port that cannot be listened on.</summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var problems = new List<string>();
        if (options.Token is { Length: > 0 and < MetricsOptions.ShortestToken })
        {
            problems.Add($"Metrics:Token (ContractBridge:Metrics:Token) must be at least {MetricsOptions.ShortestToken} characters: it is all that guards /metrics.");
        }

        if (options.Port is < 1 or > 65535)
        {
            problems.Add($"Metrics:Port (ContractBridge:Metrics:Port) must be a TCP port from 1 to 65535 (it is {options.Port}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
