using Microsoft.Extensions.Logging;

namespace ChatCouncil.Connectors.Slack;

internal static partial class SlackSocketModeLog
{
    [LoggerMessage(EventId = 3500, Level = LogLevel.Information, Message = "Slack Socket Mode connected")]
    public static partial void Connected(ILogger logger);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Slack asked Socket Mode to reconnect ({Reason})")]
    public static partial void DisconnectRequested(ILogger logger, string reason);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "Slack Socket Mode connection lost ({Reason}); reconnecting in {Delay}")]
    public static partial void ConnectionLost(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Critical, Message = "Slack Socket Mode stopped: {Reason}")]
    public static partial void Stopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Error, Message = "Handling Slack envelope {EnvelopeId} ({Type}) failed; it is not acknowledged, so Slack delivers it again")]
    public static partial void EnvelopeFailed(ILogger logger, Exception exception, string envelopeId, string type);
}
