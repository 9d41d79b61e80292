using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Tests.Hosting;

/// <summary>
/// An ILoggerProvider that keeps every entry with all it would hand a structured sink: the formatted
/// message, the state's values, every scope's values and text, and the exception.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public string AllText => string.Join('\n', _entries.Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var text = new StringBuilder().Append(category).Append(' ').Append(message);
            Append(text, state);
            var scopeValues = new List<KeyValuePair<string, object?>>();
            owner._scopes.ForEachScope(
                (scope, _) =>
                {
                    Append(text, scope);
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    {
                        scopeValues.AddRange(values);
                    }
                },
                (object?)null);
            text.Append(' ').Append(exception);
            owner._entries.Enqueue(new CapturedLog(category, logLevel, message, scopeValues, text.ToString()));
        }

        private static void Append(StringBuilder text, object? value)
        {
            text.Append(' ').Append(value);
            if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, item) in pairs)
                {
                    text.Append(' ').Append(key).Append('=').Append(item);
                }
            }
        }
    }
}
