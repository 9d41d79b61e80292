namespace ChatCouncil.Memory.Storage;

/// <summary>Session lifecycle: open, touch, expire (by time), close. Thread-safe; the clock is the store's.</summary>
public interface IMemorySessionStore
{
    /// <summary>Opens the session, or re-opens it (a fresh start) when it exists.</summary>
    Task<MemorySession> OpenSessionAsync(string id, string? conversationId, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Extends an open session by its time to live; an expired or closed one is returned unchanged; null when unknown.</summary>
    Task<MemorySession?> TouchSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Closes an open or expired session (a closed one stays as it was); null when unknown.</summary>
    Task<MemorySession?> CloseSessionAsync(string id, CancellationToken cancellationToken);

    Task<MemorySession?> GetSessionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Now, by the store's clock, to the millisecond both databases keep.</summary>
    DateTimeOffset Now { get; }
}
