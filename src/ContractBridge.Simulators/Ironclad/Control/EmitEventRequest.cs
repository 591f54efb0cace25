using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>Body of <c>POST /_sim/workflows/{id}/events</c>: any event name, with extra fields merged into <c>payload</c>.</summary>
public sealed record EmitEventRequest(string Event, JsonObject? Payload = null);
