namespace ChatCouncil.BotHost.Storage;

/// <summary>Which database holds the bot's own state (chat history, API keys).</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file; the default, needs no server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server reached through <see cref="StorageOptions.ConnectionString"/>.</summary>
    Postgres,
}
