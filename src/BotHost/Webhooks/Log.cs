using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Webhooks;

internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Warning, "{Platform} webhook refused: signature {Verification}")]
    public static partial void SignatureRefused(ILogger logger, ChatPlatform platform, SignatureVerification verification);

    [LoggerMessage(3002, LogLevel.Warning, "{Platform} webhook refused: {Reason}")]
    public static partial void Malformed(ILogger logger, ChatPlatform platform, string reason);

    [LoggerMessage(3003, LogLevel.Information, "{Platform} webhook ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, ChatPlatform platform, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "{Platform} webhook refused: body over {MaxBytes} bytes")]
    public static partial void TooLarge(ILogger logger, ChatPlatform platform, int maxBytes);

    [LoggerMessage(3005, LogLevel.Information, "Slack retry {RetryNumber} ({RetryReason}) of event {EventId}")]
    public static partial void SlackRetry(ILogger logger, string retryNumber, string? retryReason, string eventId);
}
