namespace ChatCouncil.BotHost.Storage;

/// <summary>Bound from the <c>Storage</c> configuration section and validated at start.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file; a relative path is resolved against the content root.</summary>
    public string SqlitePath { get; set; } = "data/chatcouncil.db";

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public string? ConnectionString { get; set; }
}
