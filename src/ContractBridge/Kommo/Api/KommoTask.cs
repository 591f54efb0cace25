namespace ContractBridge.Kommo.Api;

/// <summary>A task as read back.</summary>
public sealed record KommoTask(long Id, long EntityId, string? EntityType, string? Text, long? CompleteTill, long? ResponsibleUserId);

/// <summary>
/// A task to create: <c>complete_till</c> is a unix time; entity_type "leads". <see cref="RequestId"/> names it in
/// Kommo's answer (see <see cref="IKommoBatchItem"/>).
/// </summary>
public sealed record KommoNewTask(string Text, long CompleteTill, long EntityId, string EntityType, int TaskTypeId, long? ResponsibleUserId, string? RequestId = null)
    : IKommoBatchItem;
