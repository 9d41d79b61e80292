using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Storage.Migrations;

/// <summary>
/// The provider-neutral migration algorithm: take the provider's exclusive lock inside one
/// transaction, check what was applied (versions and checksums), apply the rest, record them, commit.
/// A failure rolls the whole run back, so a half-applied version is never recorded.
/// </summary>
internal abstract class StorageMigrator(IReadOnlyList<Migration> migrations, TimeProvider time, ILogger logger) : IStorageMigrator
{
    public int LatestVersion => migrations.Count == 0 ? 0 : migrations[^1].Version;

    protected abstract string Provider { get; }

    protected abstract string CreateHistoryTableSql { get; }

    /// <summary>A query returning 1 when <c>schema_migrations</c> exists, else 0.</summary>
    protected abstract string HistoryTableExistsSql { get; }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that holds the provider's migration lock until it ends.</summary>
    protected abstract Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    protected abstract object ToDbTimestamp(DateTimeOffset value);

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenForMigrationAsync(cancellationToken);
        await using var transaction = await BeginLockedTransactionAsync(connection, cancellationToken);
        await ExecuteAsync(transaction, CreateHistoryTableSql, cancellationToken);

        var applied = await ReadAppliedAsync(transaction, cancellationToken);
        var from = applied.Count == 0 ? 0 : applied.Keys.Max();
        Verify(applied);

        var done = new List<(Migration Migration, TimeSpan Elapsed)>();
        foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Version)))
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                await ExecuteAsync(transaction, migration.Sql, cancellationToken);
            }
            catch (DbException ex)
            {
                throw new InvalidOperationException(
                    $"{Provider} migration V{migration.Version:000} ({migration.Name}) failed; nothing was changed: {ex.Message}", ex);
            }

            await RecordAsync(transaction, migration, cancellationToken);
            done.Add((migration, stopwatch.Elapsed));
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (migration, elapsed) in done)
        {
            Log.MigrationApplied(logger, Provider, migration.Version, migration.Name, elapsed.TotalMilliseconds);
        }

        var report = new MigrationReport(from, Math.Max(from, LatestVersion), [.. done.Select(d => d.Migration.Version)]);
        if (done.Count == 0)
        {
            Log.SchemaCurrent(logger, Provider, report.ToVersion);
        }

        return report;
    }

    public async Task<int> GetCurrentVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        if (await ScalarAsync(connection, HistoryTableExistsSql, cancellationToken) == 0)
        {
            return 0;
        }

        return await ScalarAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations;", cancellationToken);
    }

    private async Task<DbConnection> OpenForMigrationAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await OpenConnectionAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new InvalidOperationException(
                $"Cannot reach the {Provider} database to migrate it: {ex.Message} Check Storage:ConnectionString and that the server is up.", ex);
        }
    }

    private void Verify(Dictionary<int, string> applied)
    {
        // The newest applied version, not the first one found past ours: that is the version the database is at.
        var newest = applied.Count == 0 ? 0 : applied.Keys.Max();
        if (newest > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The {Provider} database is at schema version {newest}, but this build knows versions up to {LatestVersion}. " +
                "It was upgraded by a newer ChatCouncil; run that version or restore a backup.");
        }

        foreach (var (version, checksum) in applied)
        {

            var script = migrations.Single(m => m.Version == version);
            if (!string.Equals(script.Checksum, checksum, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{Provider} migration V{version:000} ({script.Name}) differs from the script that was applied to this database. " +
                    "Applied migrations must never be edited; add a new migration instead.");
            }
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, checksum FROM schema_migrations;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private async Task RecordAsync(DbTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @applied_at);";
        AddParameter(command, "@version", migration.Version);
        AddParameter(command, "@name", migration.Name);
        AddParameter(command, "@checksum", migration.Checksum);
        AddParameter(command, "@applied_at", ToDbTimestamp(time.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    protected static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
