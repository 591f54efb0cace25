using System.Net.Sockets;
using ContractBridge.Web;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ContractBridge.Tests.Operations;

/// <summary>Which failures of the store mean "the database cannot be reached now" (503, deliver again) and which are bugs (500).</summary>
public sealed class DatabaseConnectivityTests
{
    public static TheoryData<string, Exception> Unreachable => new()
    {
        { "PostgreSQL refuses the connection", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)) },
        { "the connection breaks mid-command", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "PostgreSQL is shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "PostgreSQL is starting up", new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03") },
        { "a connection failure SQLSTATE", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
        { "too many clients", new PostgresException("sorry, too many clients already", "FATAL", "FATAL", "53300") },
        { "SQLite is busy", new SqliteException("database is locked", 5) },
        { "SQLite cannot read or write its file", new SqliteException("disk I/O error", 10) },
        { "SQLite cannot open its file", new SqliteException("unable to open database file", 14) },
        { "wrapped", new AggregateException(new InvalidOperationException("outer", new NpgsqlException("inner", new SocketException()))) },
    };

    public static TheoryData<string, Exception> Bugs => new()
    {
        { "a constraint", new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505") },
        { "bad SQL", new PostgresException("syntax error", "ERROR", "ERROR", "42601") },
        { "an SQLite constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "a plain bug", new InvalidOperationException("The database is not answering.") },
        { "the intake shutting down", new ObjectDisposedException("EventIntake") },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void ConnectivityFailures_AreUnreachable(string what, Exception exception) =>
        Assert.True(DatabaseConnectivity.IsUnreachable(exception), what);

    [Theory]
    [MemberData(nameof(Bugs))]
    public void OtherFailures_AreNot(string what, Exception exception) =>
        Assert.False(DatabaseConnectivity.IsUnreachable(exception), what);
}
