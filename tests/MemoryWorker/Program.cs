using ChatCouncil.Memory.Invalidation;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Storage.Postgres;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.MemoryWorker;
using Npgsql;

// One process of the multi-process memory tests (tests/Memory.Tests/MultiProcess): a writer or the searcher, on the
// store and Redis channel the test names. Exit code 0 when its part went right; the reason otherwise on stderr.
var options = WorkerOptions.Parse(args);
using var invalidation = options.Redis is { } redis ? RedisIndexInvalidation.Connect(redis, options.Channel ?? RedisIndexInvalidation.DefaultChannel) : null;
await using var dataSource = options.Provider == "postgres" ? NpgsqlDataSource.Create(options.Database) : null;
SqlMemoryStore store = dataSource is not null
    ? new PostgresMemoryStore(dataSource, invalidation: invalidation)
    : SqliteMemoryStore.ForFile(options.Database, invalidation: invalidation);
try
{
    return options.Role switch
    {
        "write" => await WriterRole.RunAsync(store, options),
        "search" => await SearcherRole.RunAsync(store, options),
        _ => throw new ArgumentException($"Unknown role {options.Role}; use write or search."),
    };
}
catch (Exception exception)
{
    await Console.Error.WriteLineAsync(exception.ToString());
    return 2;
}
