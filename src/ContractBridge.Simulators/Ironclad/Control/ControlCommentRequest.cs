using ContractBridge.Simulators.Ironclad.Model;

namespace ContractBridge.Simulators.Ironclad.Control;

/// <summary>
/// Body of <c>POST /_sim/workflows/{id}/comments</c>: a comment by the company's user with <see cref="AuthorEmail"/>, or
/// (with <see cref="Counterparty"/>) by someone of the counterparty; <see cref="RepliedTo"/> names the comment it answers.
/// </summary>
public sealed record ControlCommentRequest(string Message, string? AuthorEmail = null, Counterparty? Counterparty = null, string? RepliedTo = null);
