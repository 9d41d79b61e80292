using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.BotHost.Tests.Outbox;

/// <summary>
/// The reply outbox contract, for every storage provider: a begun post is remembered without a message until it is
/// recorded, a record keeps when the post began, and a second store on the same database (a restarted process)
/// reads what the first wrote.
/// </summary>
public abstract class ReplyOutboxConformanceTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new();

    protected IReplyOutbox Outbox { get; private set; } = null!;

    /// <summary>A store on a fresh database, and a factory for more stores on that same database.</summary>
    protected abstract Task<(IReplyOutbox Outbox, Func<IReplyOutbox> Reopen)> CreateAsync(TimeProvider time);

    private Func<IReplyOutbox> Reopen { get; set; } = null!;

    public async Task InitializeAsync() => (Outbox, Reopen) = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task LoadAsync_UnknownReply_IsEmpty() =>
        Assert.Empty(await Outbox.LoadAsync(ChatPlatform.Slack, "Ev-none", CancellationToken.None));

    [Fact]
    public async Task BeginPostAsync_ThenLoad_PieceHasNoMessageYetAndItsStartTime()
    {
        await Outbox.BeginPostAsync(ChatPlatform.Slack, "Ev1", 0, CancellationToken.None);

        var piece = Assert.Single(await Outbox.LoadAsync(ChatPlatform.Slack, "Ev1", CancellationToken.None));
        Assert.Equal(new OutboxPiece(0, null, false, Time.GetUtcNow()), piece);
    }

    [Fact]
    public async Task RecordAsync_AfterBegin_KeepsWhenThePostBegan()
    {
        var began = Time.GetUtcNow();
        await Outbox.BeginPostAsync(ChatPlatform.GitHub, "Ev1", 0, CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(3));

        await Outbox.RecordAsync(ChatPlatform.GitHub, "Ev1", 0, "2000000001", final: false, CancellationToken.None);
        await Outbox.RecordAsync(ChatPlatform.GitHub, "Ev1", 0, "2000000001", final: true, CancellationToken.None);

        Assert.Equal([new OutboxPiece(0, "2000000001", true, began)], await Outbox.LoadAsync(ChatPlatform.GitHub, "Ev1", CancellationToken.None));
    }

    [Fact]
    public async Task BeginPostAsync_PieceAlreadyRecorded_KeepsTheRecord()
    {
        await Outbox.RecordAsync(ChatPlatform.Discord, "Ev1", 1, "M1", final: true, CancellationToken.None);

        await Outbox.BeginPostAsync(ChatPlatform.Discord, "Ev1", 1, CancellationToken.None);

        Assert.Equal(("M1", true), (await Outbox.LoadAsync(ChatPlatform.Discord, "Ev1", CancellationToken.None)).Single() is var p ? (p.MessageId, p.Final) : default);
    }

    [Fact]
    public async Task LoadAsync_ManyReplies_ReturnsOnlyThisPlatformAndKeyInPieceOrder()
    {
        await Outbox.RecordAsync(ChatPlatform.Slack, "Ev1", 2, "ts2", final: true, CancellationToken.None);
        await Outbox.RecordAsync(ChatPlatform.Slack, "Ev1", 0, "ts0", final: true, CancellationToken.None);
        await Outbox.BeginPostAsync(ChatPlatform.Slack, "Ev1", 1, CancellationToken.None);
        await Outbox.RecordAsync(ChatPlatform.Slack, "Ev2", 0, "other-key", final: true, CancellationToken.None);
        await Outbox.RecordAsync(ChatPlatform.Discord, "Ev1", 0, "other-platform", final: true, CancellationToken.None);

        var pieces = await Outbox.LoadAsync(ChatPlatform.Slack, "Ev1", CancellationToken.None);

        Assert.Equal([(0, "ts0"), (1, null), (2, "ts2")], pieces.Select(p => (p.Index, p.MessageId)));
    }

    [Fact]
    public async Task DeliveryLedger_OnAReopenedStore_SkipsThePiecesTheFirstProcessPosted()
    {
        var posted = new List<int>();
        var first = new DeliveryLedger(Outbox, Time);
        await Assert.ThrowsAsync<TimeoutException>(() => first.DeliverOnceAsync(ChatPlatform.Slack, "Ev9", async (progress, ct) =>
        {
            await progress.PostOnceAsync(0, final: true, null, _ => { posted.Add(0); return Task.FromResult("ts0"); }, ct);
            throw new TimeoutException("the process dies before piece 1");
        }, CancellationToken.None));

        var restarted = new DeliveryLedger(Reopen(), Time);
        var (delivered, already) = await restarted.DeliverOnceAsync(ChatPlatform.Slack, "Ev9", async (progress, ct) =>
        {
            for (var i = 0; i < 2; i++)
            {
                if (!progress.IsFinal(i))
                {
                    await progress.PostOnceAsync(i, final: true, null, _ => { posted.Add(i); return Task.FromResult($"ts{i}"); }, ct);
                }
            }

            return new DeliveredReply(progress.MessageIds);
        }, CancellationToken.None);

        Assert.False(already);
        Assert.Equal([0, 1], posted);
        Assert.Equal(["ts0", "ts1"], delivered.MessageIds);
    }
}
