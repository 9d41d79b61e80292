using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Files;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>The group-committing intake in front of the store: concurrent callers each learn their own outcome.</summary>
public sealed class InboxIntakeTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task AcceptAsync_ConcurrentCallersWithRepeats_StoresEachMessageOnceAndTellsEveryCaller()
    {
        var store = await CreateStoreAsync();
        await using var intake = new InboxIntake(store, NullLogger<InboxIntake>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Task.Run(() => intake.AcceptAsync(TestTurns.Slack($"Ev{i % 200}", $"1.{i % 200}", thread: $"T{i % 7}"), CancellationToken.None))));

        Assert.Equal(200, results.Count(r => r == InboxAcceptance.Accepted));
        Assert.Equal(100, results.Count(r => r == InboxAcceptance.Duplicate));
        var claimed = 0;
        while (await store.ClaimAsync("w", CancellationToken.None) is { } next)
        {
            claimed++;
            await store.CompleteAsync(next.Id, "w", CancellationToken.None);
        }

        Assert.Equal(200, claimed);
    }

    [Fact]
    public async Task AcceptAsync_AfterDispose_RefusesInsteadOfLosingTheTurn()
    {
        var intake = new InboxIntake(await CreateStoreAsync(), NullLogger<InboxIntake>.Instance);

        intake.Dispose();

        await Assert.ThrowsAsync<InvalidOperationException>(() => intake.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None));
    }

    [Fact]
    public async Task AcceptAsync_CallerAlreadyGone_StoresNothing()
    {
        var store = await CreateStoreAsync();
        await using var intake = new InboxIntake(store, NullLogger<InboxIntake>.Instance);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => intake.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), new CancellationToken(canceled: true)));

        Assert.Equal(InboxAcceptance.Accepted, await intake.AcceptAsync(TestTurns.Slack("Ev2", "1.2"), CancellationToken.None));
        var claimed = await store.ClaimAsync("w", CancellationToken.None);
        Assert.Equal("Ev2", claimed?.Turn.EventId);
        await store.CompleteAsync(claimed!.Id, "w", CancellationToken.None);
        Assert.Null(await store.ClaimAsync("w", CancellationToken.None));
    }

    public void Dispose() => _directory.Dispose();

    private async Task<SqliteInboxStore> CreateStoreAsync()
    {
        var database = new SqliteDatabase(_directory.File("intake.db"));
        await new SqliteMigrator(database, TimeProvider.System, NullLogger<SqliteMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return new SqliteInboxStore(database, TimeProvider.System, Options.Create(new InboxOptions()));
    }
}
