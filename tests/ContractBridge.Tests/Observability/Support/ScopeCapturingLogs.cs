using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Tests.Observability.Support;

/// <summary>Keeps every entry with the scopes it was written in, as a console sink would see them.</summary>
internal sealed class ScopeCapturingLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedEntry> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal sealed record CapturedEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<object?> Scopes);

    private sealed class CapturingLogger(ScopeCapturingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<object?>();
            owner.scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
            owner.entries.Enqueue(new CapturedEntry(category, logLevel, eventId, formatter(state, exception), scopes));
        }
    }
}
