namespace ChatCouncil.Memory.Storage;

/// <summary>Where a session is in its lifecycle.</summary>
public enum MemorySessionState
{
    Open,

    /// <summary>Not touched within its time to live.</summary>
    Expired,

    Closed,
}
