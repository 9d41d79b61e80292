using System.Collections.Concurrent;
using System.Globalization;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Storage;

/// <summary>Each test migrates a database of its own, made by the class fixture.</summary>
public sealed class PostgresMigrationTests(PostgresDatabaseFixture server)
    : MigrationConformanceTests, IClassFixture<PostgresDatabaseFixture>
{
    private readonly ConcurrentDictionary<string, NpgsqlDataSource> _dataSources = new();

    protected override IReadOnlyList<Migration> Shipped => MigrationCatalog.For(StorageProvider.Postgres);

    protected override Task<string> CreateEmptyDatabaseAsync() => server.CreateDatabaseAsync();

    protected override IStorageMigrator CreateMigrator(string database, IReadOnlyList<Migration> migrations) =>
        new PostgresMigrator(DataSource(database), migrations, Time, NullLogger<PostgresMigrator>.Instance);

    protected override IChatHistoryStore CreateHistoryStore(string database) => new PostgresChatHistoryStore(DataSource(database), Time);

    protected override IApiKeyStore CreateKeyStore(string database) => new PostgresApiKeyStore(DataSource(database), Time);

    protected override IInboxStore CreateInboxStore(string database) =>
        new PostgresInboxStore(DataSource(database), Time, Options.Create(new InboxOptions()));

    protected override string SeedV1Sql(Guid conversationId) => $"""
        INSERT INTO conversations (id, title, source, created_at) VALUES ('{conversationId:D}', 'from v1', 'web', '2023-11-14 22:13:20+00');
        INSERT INTO messages (conversation_id, role, content, model_id, created_at)
            VALUES ('{conversationId:D}', 'user', 'question from v1', NULL, '2023-11-14 22:13:21+00');
        INSERT INTO messages (conversation_id, role, content, model_id, created_at)
            VALUES ('{conversationId:D}', 'assistant', 'answer from v1', 'old-model', '2023-11-14 22:13:22+00');
        """;

    protected override async Task ExecuteAsync(string database, string sql)
    {
        await using var command = DataSource(database).CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string database, string sql)
    {
        await using var command = DataSource(database).CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public override async Task DisposeAsync()
    {
        foreach (var dataSource in _dataSources.Values)
        {
            await dataSource.DisposeAsync();
        }
    }

    private NpgsqlDataSource DataSource(string connectionString) =>
        _dataSources.GetOrAdd(connectionString, NpgsqlDataSource.Create);
}
