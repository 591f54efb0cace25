namespace ContractBridge.Simulators.Kommo.Store;

/// <summary>
/// The account's state behind one lock. Every read and write goes through <see cref="Read{T}"/> or
/// <see cref="Write{T}"/>, so a batch PATCH or a "move these leads" is atomic and a reader never sees half of it.
/// One lock is plenty for a simulator that serves tens of requests a second.
/// </summary>
internal sealed class KommoStore
{
    private readonly Lock _lock = new();
    private KommoAccountData _data = new();

    public T Read<T>(Func<KommoAccountData, T> read)
    {
        lock (_lock)
        {
            return read(_data);
        }
    }

    public T Write<T>(Func<KommoAccountData, T> write)
    {
        lock (_lock)
        {
            return write(_data);
        }
    }

    public void Write(Action<KommoAccountData> write)
    {
        lock (_lock)
        {
            write(_data);
        }
    }

    /// <summary>Replaces the whole account, e.g. on reset; <paramref name="initialize"/> runs before anyone sees it.</summary>
    public void Replace(Action<KommoAccountData> initialize)
    {
        var fresh = new KommoAccountData();
        initialize(fresh);
        lock (_lock)
        {
            _data = fresh;
        }
    }
}
