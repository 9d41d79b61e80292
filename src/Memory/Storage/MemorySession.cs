namespace ChatCouncil.Memory.Storage;

/// <summary>A session: opened, kept alive by touches (each extends it by <see cref="TimeToLive"/>), then expired or closed.</summary>
public sealed record MemorySession(
    string Id,
    string? ConversationId,
    TimeSpan TimeToLive,
    DateTimeOffset OpenedAt,
    DateTimeOffset TouchedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ClosedAt)
{
    public MemorySessionState StateAt(DateTimeOffset now) =>
        ClosedAt is not null ? MemorySessionState.Closed : now >= ExpiresAt ? MemorySessionState.Expired : MemorySessionState.Open;
}
