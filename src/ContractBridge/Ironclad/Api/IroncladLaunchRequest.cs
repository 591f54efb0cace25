using System.Text.Json.Nodes;

namespace ContractBridge.Ironclad.Api;

/// <summary>
/// POST /workflows. <see cref="Attributes"/> stays a JSON object: its keys are the template's attribute ids, known only
/// at run time. <see cref="Creator"/> is sent for legacy tokens only (OAuth calls act as a user already).
/// </summary>
public sealed record IroncladLaunchRequest(string Template, JsonObject Attributes, IroncladCreator? Creator);
