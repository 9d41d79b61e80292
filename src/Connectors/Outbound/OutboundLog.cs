using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>Logs idempotency keys, channels and counts; never tokens, interaction tokens or message text.</summary>
internal static partial class OutboundLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Delivered reply {IdempotencyKey} on {Platform} as {Count} message(s)")]
    public static partial void Delivered(ILogger logger, ChatPlatform platform, string idempotencyKey, int count);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Reply {IdempotencyKey} on {Platform} was delivered already; not posting it again")]
    public static partial void AlreadyDelivered(ILogger logger, ChatPlatform platform, string idempotencyKey);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Discord interaction follow-up for channel {Channel} was refused (HTTP {Status}: token expired or unknown); answering through the channel instead")]
    public static partial void InteractionExpired(ILogger logger, string channel, int status);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Information, Message = "Discord interaction token for channel {Channel} is close to its 15 minutes; answering through the channel instead")]
    public static partial void InteractionTokenTooOld(ILogger logger, string channel);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "Minted a GitHub installation token for installation {InstallationId}, valid until {ExpiresAt}")]
    public static partial void InstallationTokenMinted(ILogger logger, string installationId, DateTimeOffset expiresAt);
}
