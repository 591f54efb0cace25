namespace ContractBridge.Ironclad.Api;

/// <summary><c>POST /workflows/{id}/comments</c>: the text, and with a legacy token the user who comments.</summary>
public sealed record IroncladCommentRequest(string Comment, IroncladCreator? Creator);
