using ChatCouncil.Memory.Storage;

namespace ChatCouncil.BotHost.Memory;

/// <summary>A session and its state now.</summary>
public sealed record SessionResponse(
    string Id,
    string? ConversationId,
    MemorySessionState State,
    double TtlSeconds,
    DateTimeOffset OpenedAt,
    DateTimeOffset TouchedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ClosedAt)
{
    public static SessionResponse From(MemorySession s, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.ConversationId, s.StateAt(now), s.TimeToLive.TotalSeconds, s.OpenedAt, s.TouchedAt, s.ExpiresAt, s.ClosedAt);
    }
}
