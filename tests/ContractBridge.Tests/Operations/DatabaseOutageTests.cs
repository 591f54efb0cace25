using ContractBridge.Tests.Security;
using ContractBridge.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ContractBridge.Tests.Operations;

/// <summary>An outage of the database is logged once when it begins and once when it ends, however many deliveries it refuses.</summary>
public sealed class DatabaseOutageTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly DatabaseOutage _outage;

    public DatabaseOutageTests()
    {
        _loggers = LoggerFactory.Create(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        _outage = new DatabaseOutage(_time, _loggers.CreateLogger<DatabaseOutage>());
    }

    [Fact]
    public void ManyRefusals_LogOneWarning_AndTheFirstStoredDeliveryOneLine()
    {
        for (var i = 0; i < 50; i++)
        {
            _outage.Refused("NpgsqlException: Failed to connect to 127.0.0.1:5432");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        _outage.Stored();
        _outage.Stored();

        Assert.Equal(2, _logs.Entries.Count);
        var (_, level, text) = _logs.Entries.First();
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("The database is unreachable (NpgsqlException: Failed to connect to 127.0.0.1:5432)", text, StringComparison.Ordinal);
        var (_, endLevel, end) = _logs.Entries.Last();
        Assert.Equal(LogLevel.Information, endLevel);
        Assert.Contains("answers again after 00:00:50", end, StringComparison.Ordinal);
        Assert.Contains("(50 were answered 503 meanwhile)", end, StringComparison.Ordinal);
        Assert.False(_outage.IsOngoing);
    }

    [Fact]
    public void StoredDeliveries_WithoutAnOutage_LogNothing()
    {
        _outage.Stored();

        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void ASecondOutage_IsLoggedAgain()
    {
        _outage.Refused("one");
        _outage.Stored();
        _outage.Refused("two");

        Assert.Equal(2, _logs.Entries.Count(e => e.Level == LogLevel.Warning));
        Assert.True(_outage.IsOngoing);
    }

    public void Dispose() => _loggers.Dispose();
}
