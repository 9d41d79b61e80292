namespace ChatCouncil.BotHost.Storage;

/// <summary>
/// SQLite's <c>synchronous</c> setting in WAL mode: when a commit waits for the disk. Both survive a crash of the
/// process; they differ on a power loss or kernel crash.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is flushed to disk before it returns: a commit that returned survives a power loss.</summary>
    Full,

    /// <summary>
    /// Commits reach the operating system but are flushed only at checkpoints: a power loss can undo the last
    /// commits (the database stays consistent), so an event acknowledged just before it may be lost.
    /// </summary>
    Normal,
}
