namespace ContractBridge.Simulators.Ironclad.Model;

/// <summary>A comment in a workflow's activity feed, by a user of the company.</summary>
/// <param name="Mentioned">The users its <c>&lt;@email&gt;</c> or <c>&lt;@id&gt;</c> mentions name.</param>
public sealed record WorkflowComment(string Id, string Message, DateTimeOffset Timestamp, IroncladUser Author, IReadOnlyList<IroncladUser> Mentioned);
