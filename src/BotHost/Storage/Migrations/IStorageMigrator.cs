namespace ChatCouncil.BotHost.Storage.Migrations;

/// <summary>
/// Brings the configured database to the schema this build expects. Safe to run from several
/// processes at once: one applies the pending scripts, the others wait and then find nothing to do.
/// </summary>
public interface IStorageMigrator
{
    /// <summary>Newest schema version this build ships.</summary>
    int LatestVersion { get; }

    Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Highest applied version, 0 for an empty database. Also proves the database is reachable.</summary>
    Task<int> GetCurrentVersionAsync(CancellationToken cancellationToken);
}
