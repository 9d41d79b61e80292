namespace ChatCouncil.BotHost.Storage;

/// <summary>Bound from the <c>Storage</c> configuration section and validated at start.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file; a relative path is resolved against the content root.</summary>
    public string SqlitePath { get; set; } = "data/chatcouncil.db";

    /// <summary>
    /// When a SQLite commit waits for the disk: <see cref="SqliteSynchronous.Full"/> (the default) makes every
    /// acknowledged webhook survive a power loss; <see cref="SqliteSynchronous.Normal"/> only a process crash.
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }
}
