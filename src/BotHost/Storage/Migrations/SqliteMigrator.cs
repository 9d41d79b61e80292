using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Storage.Migrations;

internal sealed class SqliteMigrator(SqliteDatabase database, IReadOnlyList<Migration> migrations, TimeProvider time, ILogger<SqliteMigrator> logger)
    : StorageMigrator(migrations, time, logger)
{
    [ActivatorUtilitiesConstructor]
    public SqliteMigrator(SqliteDatabase database, TimeProvider time, ILogger<SqliteMigrator> logger)
        : this(database, MigrationCatalog.For(StorageProvider.Sqlite), time, logger)
    {
    }

    protected override string Provider => "SQLite";

    protected override string CreateHistoryTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    INTEGER NOT NULL PRIMARY KEY,
            name       TEXT    NOT NULL,
            checksum   TEXT    NOT NULL,
            applied_at INTEGER NOT NULL
        );
        """;

    protected override string HistoryTableExistsSql =>
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';";

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await database.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginLockedTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers go on while one writer works; the mode is stored in the file and cannot change inside a transaction.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = WAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE takes the database's write lock now, so a second process waits here
        // and then sees the versions the first one recorded.
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    protected override object ToDbTimestamp(DateTimeOffset value) => value.ToUnixTimeMilliseconds();
}
