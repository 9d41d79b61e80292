using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatCouncil.BotHost.Storage.Migrations;

internal sealed class PostgresMigrator(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations, TimeProvider time, ILogger<PostgresMigrator> logger)
    : StorageMigrator(migrations, time, logger)
{
    // Any constant works as long as nothing else in this database takes the same advisory lock.
    private const long AdvisoryLockKey = 0x43_68_74_43_6E_63_6CL;

    [ActivatorUtilitiesConstructor]
    public PostgresMigrator(NpgsqlDataSource dataSource, TimeProvider time, ILogger<PostgresMigrator> logger)
        : this(dataSource, MigrationCatalog.For(StorageProvider.Postgres), time, logger)
    {
    }

    protected override string Provider => "PostgreSQL";

    protected override string CreateHistoryTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    protected override string HistoryTableExistsSql =>
        "SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 ELSE 1 END;";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Taken before CREATE TABLE IF NOT EXISTS: two of those racing can still collide in the catalog.
        // The lock is released by COMMIT or ROLLBACK.
        await ExecuteAsync(transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken);
        return transaction;
    }

    protected override object ToDbTimestamp(DateTimeOffset value) => value;
}
