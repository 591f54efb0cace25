namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>
/// A webhook event a workflow change produced, whether or not any registration wanted it. <see cref="WebhookIds"/> are the
/// registrations it was sent to (each gets its own event id and signature).
/// </summary>
public sealed record EmittedEvent(string Event, DateTimeOffset At, IReadOnlyList<string> WebhookIds);
