using ContractBridge.Kommo.Api;

namespace ContractBridge.Kommo;

/// <summary>Told of every batch Kommo accepted, once its answer is in: the deal's story records what was written.</summary>
public interface IKommoWriteObserver
{
    /// <summary>Must not throw: the write has happened whatever becomes of this.</summary>
    Task WrittenAsync(IReadOnlyList<IKommoBatchItem> items, CancellationToken cancellationToken);
}
