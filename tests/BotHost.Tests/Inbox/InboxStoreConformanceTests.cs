using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Time;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>What every <see cref="IInboxStore"/> must do. Each backend derives once and passes all of it.</summary>
public abstract class InboxStoreConformanceTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new();

    protected static IOptions<InboxOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new InboxOptions { Lease = TimeSpan.FromMinutes(1) });

    protected IInboxStore Store { get; private set; } = null!;

    protected IChatHistoryStore History { get; private set; } = null!;

    /// <summary>An inbox and a history store on one empty, migrated database.</summary>
    protected abstract Task<(IInboxStore Inbox, IChatHistoryStore History)> CreateStoresAsync(TimeProvider time);

    public async Task InitializeAsync() => (Store, History) = await CreateStoresAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AcceptAsync_NewTurn_IsClaimedWithEveryFieldIntact()
    {
        var turn = TestTurns.Slack("Ev1", "1.1");

        Assert.Equal(InboxAcceptance.Accepted, await Store.AcceptAsync(turn, CancellationToken.None));
        var claimed = await Store.ClaimAsync("w1", CancellationToken.None);

        Assert.NotNull(claimed);
        Assert.Equal(1, claimed.Attempts);
        Assert.Null(claimed.Answer);
        var read = claimed.Turn;
        Assert.Equal((turn.EventId, turn.MessageId, turn.Key, turn.Kind, turn.AuthorId, turn.AuthorName, turn.Text, turn.At),
            (read.EventId, read.MessageId, read.Key, read.Kind, read.AuthorId, read.AuthorName, read.Text, read.At));
        Assert.Equal(turn.Mentions, read.Mentions);
        Assert.Equal(turn.Links, read.Links);
        Assert.Equal(turn.ReplyContext, claimed.Turn.ReplyContext);
    }

    [Fact]
    public async Task AcceptAsync_SameEventIdAgain_IsDuplicate()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);

        Assert.Equal(InboxAcceptance.Duplicate, await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None));
    }

    [Fact]
    public async Task AcceptAsync_SameMessageUnderAnotherEventId_IsDuplicate()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);

        Assert.Equal(InboxAcceptance.Duplicate, await Store.AcceptAsync(TestTurns.Slack("Ev2", "1.1"), CancellationToken.None));
        Assert.Equal(InboxAcceptance.Accepted, await Store.AcceptAsync(TestTurns.Slack("Ev3", "1.2"), CancellationToken.None));
    }

    [Fact]
    public async Task AcceptManyAsync_BatchWithRepeats_AcceptsEachMessageOnceInOrder()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev0", "1.0"), CancellationToken.None);

        var results = await Store.AcceptManyAsync(
        [
            TestTurns.Slack("Ev1", "1.1"),
            TestTurns.Slack("Ev0", "1.0"),
            TestTurns.Slack("Ev2", "1.2"),
            TestTurns.Slack("Ev1", "1.1"),
            TestTurns.Slack("Ev3", "1.2"),
        ], CancellationToken.None);

        Assert.Equal([InboxAcceptance.Accepted, InboxAcceptance.Duplicate, InboxAcceptance.Accepted, InboxAcceptance.Duplicate, InboxAcceptance.Duplicate], results);
        var claimed = new List<string>();
        while (await Store.ClaimAsync("w", CancellationToken.None) is { } next)
        {
            claimed.Add(next.Turn.EventId);
            await Store.CompleteAsync(next.Id, "w", CancellationToken.None);
        }

        Assert.Equal(["Ev0", "Ev1", "Ev2"], claimed);
    }

    [Fact]
    public async Task AcceptAsync_SameEventIdOnAnotherPlatform_IsAccepted()
    {
        var slack = TestTurns.Slack("42", "1.1");
        var discord = slack with { Key = slack.Key with { Platform = ChatPlatform.Discord } };

        await Store.AcceptAsync(slack, CancellationToken.None);

        Assert.Equal(InboxAcceptance.Accepted, await Store.AcceptAsync(discord, CancellationToken.None));
    }

    [Fact]
    public async Task ClaimAsync_EarlierTurnOfTheConversationUnfinished_ClaimsOnlyOtherConversations()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1", thread: "A"), CancellationToken.None);
        await Store.AcceptAsync(TestTurns.Slack("Ev2", "1.2", thread: "A"), CancellationToken.None);
        await Store.AcceptAsync(TestTurns.Slack("Ev3", "1.3", thread: "B"), CancellationToken.None);

        var first = await Store.ClaimAsync("w1", CancellationToken.None);
        var second = await Store.ClaimAsync("w2", CancellationToken.None);
        var third = await Store.ClaimAsync("w3", CancellationToken.None);

        Assert.Equal("Ev1", first!.Turn.EventId);
        Assert.Equal("Ev3", second!.Turn.EventId);
        Assert.Null(third);

        await Store.CompleteAsync(first.Id, "w1", CancellationToken.None);
        Assert.Equal("Ev2", (await Store.ClaimAsync("w3", CancellationToken.None))!.Turn.EventId);
    }

    [Fact]
    public async Task ClaimAsync_LeaseRunsOut_AnotherWorkerGetsTheEventAndTheFirstCannotComplete()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        var first = await Store.ClaimAsync("w1", CancellationToken.None);

        Time.Advance(TimeSpan.FromMinutes(2));
        var second = await Store.ClaimAsync("w2", CancellationToken.None);
        await Store.CompleteAsync(first!.Id, "w1", CancellationToken.None);

        Assert.Equal(2, second!.Attempts);
        Assert.NotNull(await ClaimAfterLeaseAsync());
    }

    [Fact]
    public async Task RenewAsync_BeforeTheLeaseEnds_KeepsTheClaimForAnotherLease()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        var claimed = await Store.ClaimAsync("w1", CancellationToken.None);

        Time.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await Store.RenewAsync(claimed!.Id, "w1", CancellationToken.None));
        Time.Advance(TimeSpan.FromSeconds(50));

        Assert.Null(await Store.ClaimAsync("w2", CancellationToken.None));
        Assert.False(await Store.RenewAsync(claimed.Id, "w2", CancellationToken.None));
        Time.Advance(TimeSpan.FromSeconds(11));
        Assert.NotNull(await Store.ClaimAsync("w2", CancellationToken.None));
        Assert.False(await Store.RenewAsync(claimed.Id, "w1", CancellationToken.None));
    }

    [Fact]
    public async Task FailAsync_WithRetryTime_IsClaimableOnlyThenWithTheSavedAnswer()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        var claimed = await Store.ClaimAsync("w1", CancellationToken.None);
        await Store.SaveAnswerAsync(claimed!.Id, "w1", "the answer", CancellationToken.None);

        await Store.FailAsync(claimed.Id, "w1", "HttpRequestException: 503", Time.GetUtcNow().AddSeconds(10), CancellationToken.None);

        Assert.Null(await Store.ClaimAsync("w2", CancellationToken.None));
        Time.Advance(TimeSpan.FromSeconds(10));
        var retried = await Store.ClaimAsync("w2", CancellationToken.None);
        Assert.Equal((2, "the answer"), (retried!.Attempts, retried.Answer));
    }

    [Fact]
    public async Task FailAsync_WithoutRetry_DeadLettersAndUnblocksTheConversation()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        await Store.AcceptAsync(TestTurns.Slack("Ev2", "1.2"), CancellationToken.None);
        var claimed = await Store.ClaimAsync("w1", CancellationToken.None);

        await Store.FailAsync(claimed!.Id, "w1", "InvalidOperationException: no client", null, CancellationToken.None);

        var letter = Assert.Single(await Store.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal((claimed.Id, ChatPlatform.Slack, "Ev1", 1, "InvalidOperationException: no client"),
            (letter.Id, letter.Platform, letter.EventId, letter.Attempts, letter.LastError));
        Assert.Equal(Time.GetUtcNow(), letter.FailedAt);
        Assert.Equal("Ev2", (await Store.ClaimAsync("w2", CancellationToken.None))!.Turn.EventId);
    }

    [Fact]
    public async Task ReplayAsync_DeadLetter_ComesBackWithFreshAttempts()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        var claimed = await Store.ClaimAsync("w1", CancellationToken.None);
        await Store.FailAsync(claimed!.Id, "w1", "boom", null, CancellationToken.None);

        Assert.True(await Store.ReplayAsync(claimed.Id, CancellationToken.None));

        Assert.Empty(await Store.ListDeadLettersAsync(10, CancellationToken.None));
        Assert.Equal(1, (await Store.ClaimAsync("w2", CancellationToken.None))!.Attempts);
        Assert.False(await Store.ReplayAsync(claimed.Id, CancellationToken.None));
        Assert.False(await Store.ReplayAsync(999_999, CancellationToken.None));
    }

    [Fact]
    public async Task CountAsync_CountsWaitingAndClaimedAsPendingAndNotAnsweredOnes()
    {
        Assert.Equal(new InboxCounts(0, 0), await Store.CountAsync(CancellationToken.None));
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        await Store.AcceptAsync(TestTurns.Slack("Ev2", "2.1", thread: "2.1"), CancellationToken.None);
        await Store.AcceptAsync(TestTurns.Slack("Ev3", "3.1", thread: "3.1"), CancellationToken.None);
        await Store.AcceptAsync(TestTurns.Slack("Ev4", "4.1", thread: "4.1"), CancellationToken.None);
        var dead = await Store.ClaimAsync("w1", CancellationToken.None);
        await Store.FailAsync(dead!.Id, "w1", "boom", null, CancellationToken.None);
        var done = await Store.ClaimAsync("w1", CancellationToken.None);
        await Store.CompleteAsync(done!.Id, "w1", CancellationToken.None);
        await Store.ClaimAsync("w1", CancellationToken.None);

        Assert.Equal(new InboxCounts(Pending: 2, DeadLetters: 1), await Store.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseAsync_ClaimedEvent_IsClaimableAgainWithoutCountingTheAttempt()
    {
        await Store.AcceptAsync(TestTurns.Slack("Ev1", "1.1"), CancellationToken.None);
        var claimed = await Store.ClaimAsync("w1", CancellationToken.None);

        await Store.ReleaseAsync(claimed!.Id, "w1", CancellationToken.None);

        Assert.Equal(1, (await Store.ClaimAsync("w2", CancellationToken.None))!.Attempts);
    }

    [Fact]
    public async Task LinkConversationAsync_SecondLinkForTheThread_KeepsTheFirst()
    {
        var key = TestTurns.Slack("Ev1", "1.1").Key;
        var first = await History.CreateConversationAsync("a", "slack:C1");
        var second = await History.CreateConversationAsync("b", "slack:C1");

        Assert.Null(await Store.FindConversationAsync(key, CancellationToken.None));
        Assert.Equal(first.Id, await Store.LinkConversationAsync(key, first.Id, CancellationToken.None));
        Assert.Equal(first.Id, await Store.LinkConversationAsync(key, second.Id, CancellationToken.None));
        Assert.Equal(first.Id, await Store.FindConversationAsync(key, CancellationToken.None));
    }

    private async Task<InboxEvent?> ClaimAfterLeaseAsync()
    {
        // The stale worker's Complete must not have finished the event: it is still pending under w2's lease.
        Time.Advance(TimeSpan.FromMinutes(2));
        return await Store.ClaimAsync("w3", CancellationToken.None);
    }
}
