namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// Where a workflow is in its life. The wire only shows <c>step</c> (Review, Sign, Archive, Complete); "signed" is the
/// part of the Sign step after every signature is in, which Ironclad reports through the signature state and events.
/// </summary>
public enum WorkflowStage
{
    Review,
    Sign,
    Signed,
    Archive,
    Complete,
}
