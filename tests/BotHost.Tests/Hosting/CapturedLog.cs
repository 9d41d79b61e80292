using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Tests.Hosting;

/// <param name="Text">Everything the entry carries, rendered: message, state values, scopes, exception.</param>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> ScopeValues,
    string Text);
