using System.Globalization;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Storage;

public sealed class SqliteMigrationTests : MigrationConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override IReadOnlyList<Migration> Shipped => MigrationCatalog.For(StorageProvider.Sqlite);

    protected override Task<string> CreateEmptyDatabaseAsync() => Task.FromResult(_directory.File($"{Guid.NewGuid():N}.db"));

    protected override IStorageMigrator CreateMigrator(string database, IReadOnlyList<Migration> migrations) =>
        new SqliteMigrator(new SqliteDatabase(database), migrations, Time, NullLogger<SqliteMigrator>.Instance);

    protected override IChatHistoryStore CreateHistoryStore(string database) => new SqliteChatHistoryStore(new SqliteDatabase(database), Time);

    protected override IApiKeyStore CreateKeyStore(string database) => new SqliteApiKeyStore(new SqliteDatabase(database), Time);

    protected override IInboxStore CreateInboxStore(string database) =>
        new SqliteInboxStore(new SqliteDatabase(database), Time, Options.Create(new InboxOptions()));

    protected override string SeedV1Sql(Guid conversationId) => $"""
        INSERT INTO conversations (id, title, source, created_at) VALUES ('{conversationId:D}', 'from v1', 'web', 1700000000000);
        INSERT INTO messages (conversation_id, role, content, model_id, created_at)
            VALUES ('{conversationId:D}', 'user', 'question from v1', NULL, 1700000001000);
        INSERT INTO messages (conversation_id, role, content, model_id, created_at)
            VALUES ('{conversationId:D}', 'assistant', 'answer from v1', 'old-model', 1700000002000);
        """;

    protected override async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await new SqliteDatabase(database).OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = await new SqliteDatabase(database).OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => _directory.Dispose();
}
