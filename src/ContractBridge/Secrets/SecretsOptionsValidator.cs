using ContractBridge.Configuration;

namespace ContractBridge.Secrets;

/// <summary>Refuses to start with a master key that cannot be used, or with none on PostgreSQL (see <see cref="MasterKeySource"/>).</summary>
public sealed class SecretsOptionsValidator : IValidateOptions<BridgeOptions>
{
    public ValidateOptionsResult Validate(string? name, BridgeOptions options) =>
        MasterKeySource.Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
