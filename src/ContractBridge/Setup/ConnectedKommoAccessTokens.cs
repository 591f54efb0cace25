using ContractBridge.Kommo;

namespace ContractBridge.Setup;

/// <summary>The access tokens of the Kommo connection in force, whichever it is at the moment of the call.</summary>
public sealed class ConnectedKommoAccessTokens(UpstreamConnections connections) : IKommoAccessTokens
{
    public ValueTask<string> GetAsync(CancellationToken cancellationToken) => connections.KommoTokens.GetAsync(cancellationToken);

    public Task<string?> RenewAfterRejectionAsync(string rejected, CancellationToken cancellationToken) =>
        connections.KommoTokens.RenewAfterRejectionAsync(rejected, cancellationToken);
}
