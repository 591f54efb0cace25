using System.Text.Json.Nodes;

namespace ContractBridge.Simulators.Kommo.Control.Contracts;

/// <summary>A note as written: its type, its text when it has one, and the params exactly as the client sent them.</summary>
public sealed record NoteView(long Id, long EntityId, string NoteType, string? Text, JsonObject Params, long CreatedBy, long CreatedAt);
