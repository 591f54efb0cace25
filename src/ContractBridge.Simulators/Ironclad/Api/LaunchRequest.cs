using System.Text.Json.Nodes;
using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Api;

/// <summary>A launch body taken apart: which template, the raw attributes, who launches, and the seed dialect's signers.</summary>
public sealed record LaunchRequest(string TemplateId, JsonObject Attributes, IroncladUser Creator, bool SeedForm, JsonArray? SignerGroups);
