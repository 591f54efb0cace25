namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>Where one signer is with the signature request (the wire's <c>sent</c> and <c>signed</c>).</summary>
public enum SignerStatus
{
    Sent,
    Signed,
}
