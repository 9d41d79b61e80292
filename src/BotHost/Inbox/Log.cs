using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Inbox;

internal static partial class Log
{
    [LoggerMessage(3101, LogLevel.Information, "{Platform} event {EventId} accepted for {ConversationKey}")]
    public static partial void Accepted(ILogger logger, ChatPlatform platform, string eventId, string conversationKey);

    [LoggerMessage(3102, LogLevel.Information, "{Platform} event {EventId} (message {MessageId}) is a duplicate; dropped")]
    public static partial void Duplicate(ILogger logger, ChatPlatform platform, string eventId, string messageId);

    [LoggerMessage(3103, LogLevel.Information, "Inbox event {Id} ({Platform} {EventId}) answered on attempt {Attempt}")]
    public static partial void Answered(ILogger logger, long id, ChatPlatform platform, string eventId, int attempt);

    [LoggerMessage(3104, LogLevel.Warning, "Inbox event {Id} ({Platform} {EventId}) failed attempt {Attempt}; retry at {RetryAt:O}")]
    public static partial void WillRetry(ILogger logger, Exception exception, long id, ChatPlatform platform, string eventId, int attempt, DateTimeOffset retryAt);

    [LoggerMessage(3105, LogLevel.Error, "Inbox event {Id} ({Platform} {EventId}) failed {Attempts} attempts and went to the dead-letter list")]
    public static partial void DeadLettered(ILogger logger, Exception exception, long id, ChatPlatform platform, string eventId, int attempts);

    [LoggerMessage(3106, LogLevel.Warning, "Acknowledging {Platform} event {EventId} failed; answering anyway")]
    public static partial void AcknowledgeFailed(ILogger logger, Exception exception, ChatPlatform platform, string eventId);

    [LoggerMessage(3107, LogLevel.Information, "Inbox worker {Worker} started with {Workers} loops")]
    public static partial void WorkersStarted(ILogger logger, string worker, int workers);

    [LoggerMessage(3108, LogLevel.Error, "Inbox worker loop failed; it retries after the poll interval")]
    public static partial void LoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(3110, LogLevel.Warning, "Renewing the claim on inbox event {Id} failed; it ends with its lease")]
    public static partial void RenewFailed(ILogger logger, Exception exception, long id);

    [LoggerMessage(3109, LogLevel.Information, "Dead letter {Id} replayed by an operator")]
    public static partial void Replayed(ILogger logger, long id);

    [LoggerMessage(3130, LogLevel.Warning, "Streaming the answer to {Platform} event {EventId} failed; the whole answer is sent when it is ready")]
    public static partial void StreamingStopped(ILogger logger, Exception exception, ChatPlatform platform, string eventId);
}
