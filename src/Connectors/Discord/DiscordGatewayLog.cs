using Microsoft.Extensions.Logging;

namespace ChatCouncil.Connectors.Discord;

internal static partial class DiscordGatewayLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Discord Gateway session {SessionId} ready")]
    public static partial void Ready(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Discord Gateway session {SessionId} resumed")]
    public static partial void Resumed(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Discord Gateway asked to reconnect")]
    public static partial void ReconnectRequested(ILogger logger);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "Discord Gateway invalidated the session (resumable: {Resumable})")]
    public static partial void SessionInvalidated(ILogger logger, bool resumable);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Discord Gateway did not acknowledge the last heartbeat; reconnecting")]
    public static partial void HeartbeatNotAcknowledged(ILogger logger);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "Discord Gateway connection lost ({Reason}); reconnecting in {Delay}")]
    public static partial void ConnectionLost(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Critical, Message = "Discord Gateway closed the connection with {CloseCode}, which cannot be fixed by reconnecting (token, intents or version); the Gateway stays disconnected")]
    public static partial void FatalClose(ILogger logger, int closeCode);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Error, Message = "Handling the Discord {EventType} dispatch {Sequence} failed")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string eventType, long sequence);
}
