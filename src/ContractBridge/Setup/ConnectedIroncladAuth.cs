using ContractBridge.Ironclad;

namespace ContractBridge.Setup;

/// <summary>The credentials of the Ironclad connection in force, whichever it is at the moment of the call.</summary>
public sealed class ConnectedIroncladAuth(UpstreamConnections connections) : IIroncladAuth
{
    public bool NeedsCreator => connections.IroncladAuth.NeedsCreator;

    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        connections.IroncladAuth.AuthorizeAsync(request, cancellationToken);

    public ValueTask<bool> ReauthorizeAfterRejectionAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        connections.IroncladAuth.ReauthorizeAfterRejectionAsync(request, cancellationToken);
}
