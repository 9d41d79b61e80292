using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Outbox;
using ChatCouncil.BotHost.Scheduling;
using ChatCouncil.BotHost.Scheduling.Retention;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.BotHost.Tests.Inbox;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Files;
using ChatCouncil.TestSupport.Time;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Scheduling.Retention;

/// <summary>A retention run on a real SQLite inbox: everything due goes, batch after batch, and the outcome is recorded.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();
    private readonly JobStatus<RetentionOutcome> _status = new();
    private SqliteDatabase _database = null!;
    private IInboxStore _inbox = null!;
    private SqliteReplyOutbox _outbox = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(_directory.File("retention.db"));
        await new SqliteMigrator(_database, _time, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        _inbox = new SqliteInboxStore(_database, _time, Options.Create(new InboxOptions()));
        _outbox = new SqliteReplyOutbox(_database, _time);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Run_MoreDueThanOneBatch_DeletesEverythingDueAndRecordsTheCounts()
    {
        for (var i = 0; i < 5; i++)
        {
            await _inbox.AnswerAsync(TestTurns.Named($"old-{i}"));
            await _outbox.RecordAsync(ChatPlatform.Slack, $"Ev-old-{i}", 0, $"1.{i}", final: true, CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromDays(20));
        await _inbox.AnswerAsync(TestTurns.Named("recent"));
        await _outbox.RecordAsync(ChatPlatform.Slack, "Ev-recent", 0, "2.0", final: true, CancellationToken.None);

        var outcome = await Service(new RetentionOptions { KeepAnswered = TimeSpan.FromDays(14), BatchSize = 2 }).RunAsync(CancellationToken.None);

        Assert.Equal(new RetentionOutcome(_time.GetUtcNow(), RetentionResult.Pruned, EventsDeleted: 5, RepliesDeleted: 5), outcome);
        Assert.Equal(outcome, _status.Last);
        Assert.Equal(InboxAcceptance.Duplicate, await _inbox.AcceptAsync(TestTurns.Named("recent"), CancellationToken.None));
        Assert.Single(await _outbox.LoadAsync(ChatPlatform.Slack, "Ev-recent", CancellationToken.None));
    }

    [Fact]
    public async Task Run_StoreFails_RecordsTheFailureAndThrows()
    {
        await using (var connection = await _database.OpenConnectionAsync(CancellationToken.None))
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE reply_outbox;";
            await drop.ExecuteNonQueryAsync();
        }

        await Assert.ThrowsAsync<SqliteException>(() => Service(new RetentionOptions()).RunAsync(CancellationToken.None));

        Assert.Equal(new RetentionOutcome(_time.GetUtcNow(), RetentionResult.Failed, ErrorKind: nameof(SqliteException)), _status.Last);
    }

    public void Dispose() => _directory.Dispose();

    private RetentionService Service(RetentionOptions options) =>
        new(new SqliteRetentionStore(_database), new LocalJobRunLease(), _status, Options.Create(options), _time, NullLogger<RetentionService>.Instance);
}
