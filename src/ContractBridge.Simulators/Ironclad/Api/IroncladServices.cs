using ContractBridge.Simulators.Common;
using ContractBridge.Simulators.Ironclad.Lifecycle;
using ContractBridge.Simulators.Ironclad.Webhooks;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>What the route handlers work with, handed to each endpoint group when routes are mapped.</summary>
public sealed record IroncladServices(
    IroncladSimulatorOptions Options,
    SimulatorClock Clock,
    IroncladState State,
    WorkflowLauncher Launcher,
    IroncladAuthenticator Auth,
    OAuthTokenStore Tokens,
    WebhookSigningKey SigningKey);
