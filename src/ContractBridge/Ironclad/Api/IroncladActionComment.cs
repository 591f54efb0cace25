namespace ContractBridge.Ironclad.Api;

/// <summary>Ironclad's CommentModel: the message an action carries into the workflow's activity feed.</summary>
public sealed record IroncladActionComment(string Message);
