namespace ContractBridge.Kommo;

/// <summary>A long-lived token of a private integration: nothing to refresh.</summary>
public sealed class StaticKommoAccessTokens(string token) : IKommoAccessTokens
{
    public ValueTask<string> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public Task<string?> RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
