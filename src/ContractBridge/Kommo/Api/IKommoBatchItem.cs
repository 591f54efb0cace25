namespace ContractBridge.Kommo.Api;

/// <summary>
/// An item of a Kommo batch write. Its <c>request_id</c> is how Kommo names it: in a 400's
/// <c>validation-errors[].request_id</c> when it is refused, and in the answer's created items. Null leaves it out, and
/// Kommo names the item by its index instead.
/// </summary>
public interface IKommoBatchItem
{
    string? RequestId { get; }
}
