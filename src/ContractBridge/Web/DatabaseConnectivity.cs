using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContractBridge.Web;

/// <summary>
/// Tells a failure to reach the database (it may answer again by itself, so the sender should deliver again) from any
/// other failure of a store (a bug, which stays a 500). Applied only to what the store threw, so a socket error found
/// anywhere in the chain was the database's.
/// </summary>
public static class DatabaseConnectivity
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>SQLSTATEs the server sends when it refuses or drops connections (class 08, shutdown, recovery, too many clients).</summary>
    private static readonly string[] PostgresConnectionStates = ["57P01", "57P02", "57P03", "57P05", "53300"];

    public static bool IsUnreachable(Exception exception)
    {
        Exception? current = exception;
        for (var depth = 0; depth < 8 && current is not null; depth++)
        {
            if (IsUnreachableItself(current) || (current is AggregateException { InnerExceptions: var inner } && inner.Any(IsUnreachable)))
            {
                return true;
            }

            current = current.InnerException;
        }

        return false;
    }

    private static bool IsUnreachableItself(Exception exception) => exception switch
    {
        SocketException or TimeoutException => true,
        PostgresException server => server.SqlState.StartsWith("08", StringComparison.Ordinal) || PostgresConnectionStates.Contains(server.SqlState, StringComparer.Ordinal),

        // Thrown by Npgsql itself, not relayed from the server: opening or using the connection failed (refused, broken,
        // timed out, the pool could not be filled).
        NpgsqlException => true,

        // SQLite's file cannot be opened, read or written, or another process holds it longer than the busy timeout.
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteIoErr or SqliteFull or SqliteCantOpen,
        _ => false,
    };
}
