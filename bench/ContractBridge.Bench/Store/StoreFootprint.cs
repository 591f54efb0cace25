using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ContractBridge.Bench.Store;

/// <summary>The store on disk at one moment: its rows, the database file and its -wal, and the free pages SQLite reuses before it grows the file.</summary>
internal sealed record StoreFootprint(long Contracts, long Events, long Jobs, long DatabaseBytes, long WalBytes, long FreeBytes)
{
    public long Bytes => DatabaseBytes + WalBytes;

    public double BytesPerContract => Contracts == 0 ? 0 : Bytes / (double)Contracts;

    public static StoreFootprint Read(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var wal = databasePath + "-wal";
        var footprint = new StoreFootprint(
            Scalar("SELECT COUNT(*) FROM contract_links;"),
            Scalar("SELECT COUNT(*) FROM received_events;"),
            Scalar("SELECT COUNT(*) FROM jobs;"),
            new FileInfo(databasePath).Length,
            File.Exists(wal) ? new FileInfo(wal).Length : 0,
            Scalar("PRAGMA freelist_count;") * Scalar("PRAGMA page_size;"));
        return footprint;
    }
}
