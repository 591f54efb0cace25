namespace ContractBridge.Kommo.Api;

/// <summary>
/// One item of a (batch) PATCH /api/v4/tasks: the task's id and the fields to change (null ones are left out).
/// <see cref="RequestId"/> names it in Kommo's answer (see <see cref="IKommoBatchItem"/>).
/// </summary>
public sealed record KommoTaskUpdate(long Id, long? CompleteTill, string? Text, string? RequestId = null) : IKommoBatchItem;
