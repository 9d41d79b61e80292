using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Tests.Inbox;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.BotHost.Tests.Storage;

/// <summary>
/// The migration contract, for every provider: upgrades keep data, each version is applied once even when
/// several processes start together, and edited, unknown or failing scripts stop the start with a clear message.
/// </summary>
public abstract class MigrationConformanceTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new();

    /// <summary>The scripts this build ships for the provider.</summary>
    protected abstract IReadOnlyList<Migration> Shipped { get; }

    /// <returns>Whatever names the new, empty database to the other hooks (a file path, a connection string).</returns>
    protected abstract Task<string> CreateEmptyDatabaseAsync();

    protected abstract IStorageMigrator CreateMigrator(string database, IReadOnlyList<Migration> migrations);

    protected abstract IChatHistoryStore CreateHistoryStore(string database);

    protected abstract IApiKeyStore CreateKeyStore(string database);

    protected abstract IInboxStore CreateInboxStore(string database);

    /// <summary>Rows written the way a release with only schema V1 wrote them: one conversation, two messages.</summary>
    protected abstract string SeedV1Sql(Guid conversationId);

    protected abstract Task ExecuteAsync(string database, string sql);

    protected abstract Task<long> ScalarAsync(string database, string sql);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private int Latest => Shipped[^1].Version;

    private IEnumerable<int> Versions => Shipped.Select(m => m.Version);

    [Fact]
    public void Shipped_HasAnUpgradePath()
    {
        Assert.True(Latest >= 2);
        Assert.Equal(1, Shipped[0].Version);
        Assert.Equal(Versions.Distinct().Order(), Versions);
    }

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryVersionInOrder()
    {
        var database = await CreateEmptyDatabaseAsync();
        var migrator = CreateMigrator(database, Shipped);

        var report = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal((0, Latest), (report.FromVersion, report.ToVersion));
        Assert.Equal(Versions, report.Applied);
        Assert.Equal(Latest, await migrator.GetCurrentVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MigrateAsync_DatabaseFromV1Release_KeepsDataAndReachesCurrentSchema()
    {
        var database = await CreateEmptyDatabaseAsync();
        await CreateMigrator(database, [.. Shipped.Take(1)]).MigrateAsync(CancellationToken.None);
        var conversationId = Guid.NewGuid();
        await ExecuteAsync(database, SeedV1Sql(conversationId));

        var report = await CreateMigrator(database, Shipped).MigrateAsync(CancellationToken.None);

        Assert.Equal(1, report.FromVersion);
        Assert.Equal([.. Versions.Skip(1)], report.Applied);
        var history = CreateHistoryStore(database);
        var conversation = await history.GetConversationAsync(conversationId);
        Assert.Equal("from v1", conversation?.Title);
        var messages = await history.ListMessagesAsync(conversationId);
        Assert.Equal(["question from v1", "answer from v1"], messages.Select(m => m.Content));
        Assert.Equal("old-model", messages[1].ModelId);
        Assert.All(messages, m => Assert.Null(m.PromptTokens));

        // The new schema works for new rows next to the old ones.
        var reply = await history.AppendMessageAsync(conversationId, new NewHistoryMessage(MessageRole.Assistant, "after upgrade", "tiny", 5, 7, 90));
        Assert.Equal(reply, (await history.ListMessagesAsync(conversationId))[^1]);
        var key = await CreateKeyStore(database).CreateAsync("after upgrade", [Scopes.Read]);
        Assert.Equal(ApiKeyStatus.Valid, (await CreateKeyStore(database).VerifyAsync(key.Key)).Status);
    }

    [Fact]
    public async Task MigrateAsync_InboxFromBeforeTheEventKeyLostItsIndex_KeepsEventsInOrderAndStillDropsRepeats()
    {
        var database = await CreateEmptyDatabaseAsync();
        await CreateMigrator(database, [.. Shipped.TakeWhile(m => m.Name != "inbox_event_key_not_unique")]).MigrateAsync(CancellationToken.None);
        var inbox = CreateInboxStore(database);
        await inbox.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        await inbox.AcceptAsync(TestTurns.Slack("Ev2", "1.2"), CancellationToken.None);
        var answered = await inbox.ClaimAsync("w", CancellationToken.None);
        await inbox.CompleteAsync(answered!.Id, "w", CancellationToken.None);

        await CreateMigrator(database, Shipped).MigrateAsync(CancellationToken.None);

        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None));
        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(TestTurns.Slack("Ev9", "1.2"), CancellationToken.None));
        Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(TestTurns.Slack("Ev3", "1.3"), CancellationToken.None));
        var waiting = await inbox.ClaimAsync("w", CancellationToken.None);
        Assert.Equal(("Ev2", answered.Id + 1), (waiting?.Turn.EventId, waiting?.Id));
        await inbox.CompleteAsync(waiting!.Id, "w", CancellationToken.None);
        var next = await inbox.ClaimAsync("w", CancellationToken.None);
        Assert.Equal("Ev3", next?.Turn.EventId);
        Assert.True(next!.Id > waiting.Id);
    }

    [Fact]
    public async Task MigrateAsync_SlackKeysFromBeforeTimeFirst_StillRecogniseTheirMessagesAndNothingElseChanges()
    {
        var database = await CreateEmptyDatabaseAsync();
        await CreateMigrator(database, [.. Shipped.TakeWhile(m => m.Name != "slack_message_keys_time_first")]).MigrateAsync(CancellationToken.None);
        var inbox = CreateInboxStore(database);
        // What the parser stored before: channel then ts; and the other Slack identities, which keep their shape.
        var mention = TestTurns.Slack("Ev1", "1700000000.000100") with { MessageId = "C1:1700000000.000100" };
        var command = TestTurns.Slack("Ev2", "1.1", thread: "command:1.2.abc") with { EventId = "command:13345224609.738474920.8088", MessageId = "command:13345224609.738474920.8088" };
        var click = TestTurns.Slack("Ev3", "1.1") with { MessageId = "action:C1:1700000000.000200:approve:U1:1700000001.000300" };
        // Stored under both shapes: a retry that spanned the upgrade.
        var both = TestTurns.Slack("Ev4", "1700000000.000400") with { MessageId = "C1:1700000000.000400" };
        foreach (var turn in new[] { mention, command, click, both, both with { EventId = "Ev4-retry", MessageId = "1700000000.000400:C1" } })
        {
            Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(turn, CancellationToken.None));
        }

        await CreateMigrator(database, Shipped).MigrateAsync(CancellationToken.None);

        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(mention with { EventId = "Ev1-retry", MessageId = "1700000000.000100:C1" }, CancellationToken.None));
        Assert.Equal(InboxAcceptance.Accepted, await inbox.AcceptAsync(mention with { EventId = "Ev1-old-shape", MessageId = "C1:1700000000.000100" }, CancellationToken.None));
        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(command with { EventId = "again" }, CancellationToken.None));
        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(click with { EventId = "again" }, CancellationToken.None));
        Assert.Equal(InboxAcceptance.Duplicate, await inbox.AcceptAsync(both with { EventId = "Ev4-again", MessageId = "1700000000.000400:C1" }, CancellationToken.None));
        Assert.Equal(6, await ScalarAsync(database, "SELECT COUNT(*) FROM inbox_events"));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        var database = await CreateEmptyDatabaseAsync();
        await CreateMigrator(database, Shipped).MigrateAsync(CancellationToken.None);

        var report = await CreateMigrator(database, Shipped).MigrateAsync(CancellationToken.None);

        Assert.Empty(report.Applied);
        Assert.Equal(Latest, report.FromVersion);
        Assert.Equal(Shipped.Count, await ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentStarts_ApplyEachVersionExactlyOnce()
    {
        var database = await CreateEmptyDatabaseAsync();
        var migrators = Enumerable.Range(0, 8).Select(_ => CreateMigrator(database, Shipped)).ToList();

        var reports = await Task.WhenAll(migrators.Select(m => Task.Run(() => m.MigrateAsync(CancellationToken.None))));

        Assert.Equal(Versions, reports.SelectMany(r => r.Applied).Order());
        Assert.Equal(Shipped.Count, await ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations"));
        Assert.All(reports, r => Assert.Equal(Latest, r.ToVersion));
    }

    [Fact]
    public async Task MigrateAsync_AppliedScriptEdited_FailsNamingTheMigration()
    {
        var database = await CreateEmptyDatabaseAsync();
        await CreateMigrator(database, Shipped).MigrateAsync(CancellationToken.None);
        var edited = Shipped.Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateMigrator(database, edited).MigrateAsync(CancellationToken.None));

        Assert.Contains("V001", error.Message, StringComparison.Ordinal);
        Assert.Contains("never be edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseNewerThanBuild_FailsWithUpgradeHint()
    {
        var database = await CreateEmptyDatabaseAsync();
        await CreateMigrator(database, Shipped).MigrateAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CreateMigrator(database, [.. Shipped.Take(1)]).MigrateAsync(CancellationToken.None));

        Assert.Contains($"schema version {Latest}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer ChatCouncil", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_FailingScript_RollsBackTheWholeRun()
    {
        var database = await CreateEmptyDatabaseAsync();
        var broken = new Migration(Latest + 1, "broken", "CREATE TABLE half_done (id integer);\nSELECT * FROM no_such_table;");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CreateMigrator(database, [.. Shipped, broken]).MigrateAsync(CancellationToken.None));

        Assert.Contains($"V{Latest + 1:000} (broken) failed", error.Message, StringComparison.Ordinal);
        var migrator = CreateMigrator(database, Shipped);
        Assert.Equal(0, await migrator.GetCurrentVersionAsync(CancellationToken.None));
        await migrator.MigrateAsync(CancellationToken.None);
        await Assert.ThrowsAnyAsync<Exception>(() => ScalarAsync(database, "SELECT COUNT(*) FROM half_done"));
    }
}
