using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Scheduling.Retention;
using ChatCouncil.BotHost.Tests.Inbox;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.BotHost.Tests.Scheduling.Retention;

/// <summary>
/// What every <see cref="IRetentionStore"/> must do: delete answered events and dead letters only once their own
/// keep time has passed, never a pending event, no more rows per call than asked, and reply records by age.
/// </summary>
public abstract class RetentionStoreConformanceTests : IAsyncLifetime
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    protected FakeTimeProvider Time { get; } = new();

    protected IInboxStore Inbox { get; private set; } = null!;

    protected IReplyOutbox Outbox { get; private set; } = null!;

    protected IRetentionStore Retention { get; private set; } = null!;

    /// <summary>The stores on one empty, migrated database.</summary>
    protected abstract Task<(IInboxStore Inbox, IReplyOutbox Outbox, IRetentionStore Retention)> CreateStoresAsync(TimeProvider time);

    public async Task InitializeAsync() => (Inbox, Outbox, Retention) = await CreateStoresAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task DeleteFinishedEvents_EachKindPastItsOwnCutoffOnly_PendingNeverDeleted()
    {
        await AnswerAsync("old-answered");
        await DeadLetterAsync("old-dead");
        Time.Advance(10 * Day);
        await AnswerAsync("new-answered");
        await DeadLetterAsync("new-dead");
        await Inbox.AcceptAsync(TestTurns.Named("pending"), CancellationToken.None);
        Time.Advance(10 * Day);
        var now = Time.GetUtcNow();

        // Answered events older than 15 days go; dead letters are kept for 30.
        Assert.Equal(1, await Retention.DeleteFinishedEventsAsync(now - 15 * Day, now - 30 * Day, 100, CancellationToken.None));
        Assert.Equal(0, await Retention.DeleteFinishedEventsAsync(now - 15 * Day, now - 30 * Day, 100, CancellationToken.None));
        // Keep times shorter than anything's age: every finished event goes, the pending one stays.
        Assert.Equal(3, await Retention.DeleteFinishedEventsAsync(now, now, 100, CancellationToken.None));

        var counts = await Inbox.CountAsync(CancellationToken.None);
        Assert.Equal((1L, 0L), (counts.Pending, counts.DeadLetters));
        Assert.Equal(InboxAcceptance.Duplicate, await Inbox.AcceptAsync(TestTurns.Named("pending"), CancellationToken.None));
        // A deleted event no longer recognises its message: that is why answered events are kept past the retries.
        Assert.Equal(InboxAcceptance.Accepted, await Inbox.AcceptAsync(TestTurns.Named("old-answered"), CancellationToken.None));
    }

    [Fact]
    public async Task DeleteFinishedEvents_Limit_DeletesNoMoreThanAskedPerCall()
    {
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync($"answered-{i}");
        }

        Time.Advance(30 * Day);
        var now = Time.GetUtcNow();

        var deleted = new List<int>();
        for (var call = 0; call < 4; call++)
        {
            deleted.Add(await Retention.DeleteFinishedEventsAsync(now, now, 2, CancellationToken.None));
        }

        Assert.Equal([2, 2, 1, 0], deleted);
    }

    [Fact]
    public async Task DeleteReplies_RowsLastWrittenBeforeTheCutoff_OthersKept()
    {
        await Outbox.RecordAsync(ChatPlatform.Slack, "Ev-old", 0, "1.1", final: true, CancellationToken.None);
        await Outbox.RecordAsync(ChatPlatform.Slack, "Ev-old", 1, "1.2", final: true, CancellationToken.None);
        await Outbox.BeginPostAsync(ChatPlatform.GitHub, "Ev-updated", 0, CancellationToken.None);
        Time.Advance(10 * Day);
        await Outbox.RecordAsync(ChatPlatform.GitHub, "Ev-updated", 0, "comment-1", final: true, CancellationToken.None);
        await Outbox.BeginPostAsync(ChatPlatform.Discord, "Ev-new", 0, CancellationToken.None);
        var cutoff = Time.GetUtcNow() - Day;

        Assert.Equal(1, await Retention.DeleteRepliesAsync(cutoff, 1, CancellationToken.None));
        Assert.Equal(1, await Retention.DeleteRepliesAsync(cutoff, 100, CancellationToken.None));
        Assert.Equal(0, await Retention.DeleteRepliesAsync(cutoff, 100, CancellationToken.None));

        Assert.Empty(await Outbox.LoadAsync(ChatPlatform.Slack, "Ev-old", CancellationToken.None));
        Assert.Single(await Outbox.LoadAsync(ChatPlatform.GitHub, "Ev-updated", CancellationToken.None));
        Assert.Single(await Outbox.LoadAsync(ChatPlatform.Discord, "Ev-new", CancellationToken.None));
    }

    private async Task AnswerAsync(string name)
    {
        var claimed = await AcceptAndClaimAsync(name);
        await Inbox.CompleteAsync(claimed.Id, "w", CancellationToken.None);
    }

    private async Task DeadLetterAsync(string name)
    {
        var claimed = await AcceptAndClaimAsync(name);
        await Inbox.FailAsync(claimed.Id, "w", "failed every attempt", retryAt: null, CancellationToken.None);
    }

    private async Task<InboxEvent> AcceptAndClaimAsync(string name)
    {
        Assert.Equal(InboxAcceptance.Accepted, await Inbox.AcceptAsync(TestTurns.Named(name), CancellationToken.None));
        var claimed = await Inbox.ClaimAsync("w", CancellationToken.None);
        Assert.NotNull(claimed);
        Assert.Equal($"Ev-{name}", claimed.Turn.EventId);
        return claimed;
    }
}
