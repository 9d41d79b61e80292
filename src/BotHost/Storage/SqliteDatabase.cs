using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ChatCouncil.BotHost.Storage;

/// <summary>
/// Opens connections to the SQLite file with the settings every connection needs. Thread-safe;
/// one instance per file. Connections are pooled by Microsoft.Data.Sqlite.
/// </summary>
internal sealed class SqliteDatabase
{
    // The bundle must pick the native library once per process, before the first connection.
    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly string _connectionPragmas;

    // The native connections the pragmas were applied to. A pooled connection keeps them, so they run once per native
    // connection instead of once per open; an entry goes with its connection.
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private volatile bool _directoryExists;

    public SqliteDatabase(string path, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _ = NativeLibrary.Value;
        FilePath = Path.GetFullPath(path);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        // Per connection, not per file: SQLite leaves foreign keys off unless asked, writers from several connections
        // (or processes) should wait for each other instead of failing at once, and synchronous is a connection setting.
        _connectionPragmas = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Normal ? "NORMAL" : "FULL")};";
    }

    public string FilePath { get; }

    internal string ConnectionString { get; }

    /// <exception cref="InvalidOperationException">The file cannot be created or opened; the message names it.</exception>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            EnsureDirectory();
            await connection.OpenAsync(cancellationToken);
            if (!_configured.TryGetValue(connection.Handle!, out _))
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = _connectionPragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                _configured.AddOrUpdate(connection.Handle!, this);
            }

            return connection;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                $"Cannot open the SQLite database '{FilePath}': {ex.Message} Check Storage:SqlitePath and that its folder is writable.", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one statement with named parameters on a connection of its own; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void EnsureDirectory()
    {
        if (_directoryExists)
        {
            return;
        }

        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _directoryExists = true;
    }
}
