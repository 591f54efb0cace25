namespace ContractBridge.Engine.Storage;

/// <summary>SQLite's <c>synchronous</c> setting in WAL mode; see <see cref="StorageOptions.SqliteSynchronous"/>.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
