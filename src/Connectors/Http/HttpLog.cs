using Microsoft.Extensions.Logging;

namespace ChatCouncil.Connectors.Http;

/// <summary>Only hosts are logged, never paths: Discord webhook paths carry interaction tokens.</summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Call to {Host} failed ({Outcome}); retry {Attempt} in {Delay}")]
    public static partial void Retrying(ILogger logger, string host, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Circuit to {Host} opened for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string host, TimeSpan breakDuration);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Circuit to {Host} closed")]
    public static partial void CircuitClosed(ILogger logger, string host);
}
