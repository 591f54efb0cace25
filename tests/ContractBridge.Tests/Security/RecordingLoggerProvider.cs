using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ContractBridge.Tests.Security;

/// <summary>
/// Records every log entry at every level with everything a structured sink would keep: the message, each state
/// value, the exception with its stack, and every scope around it (the request path is one). Secrets are looked for in
/// all of that, not only in the formatted line.
/// </summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, LogLevel Level, string Text)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            Append(text, state);
            provider._scopes.ForEachScope((scope, builder) => Append(builder.Append(" | scope: ").Append(scope), scope), text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            provider.Entries.Enqueue((category, logLevel, text.ToString()));
        }

        private static void Append(StringBuilder text, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }
        }
    }
}
