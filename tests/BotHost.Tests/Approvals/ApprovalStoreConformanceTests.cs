using ChatCouncil.BotHost.Approvals;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>What every <see cref="IApprovalStore"/> must do. Each backend derives once and passes all of it.</summary>
public abstract class ApprovalStoreConformanceTests : IAsyncLifetime
{
    private static readonly ConversationKey Where = new(ChatPlatform.Slack, "T1", "C1", "1700000000.000100");

    protected FakeTimeProvider Time { get; } = new();

    protected IApprovalStore Store { get; private set; } = null!;

    /// <summary>A store on one empty, migrated database.</summary>
    protected abstract Task<IApprovalStore> CreateStoreAsync(TimeProvider time);

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateAsync_NewRequest_ReadsBackWithEveryFieldIntact()
    {
        var request = NewRequest(requestKey: "agent-run-1");
        var (_, hash) = ApprovalToken.Create(request.Id);

        Assert.True(await Store.CreateAsync(request, hash, CancellationToken.None));

        var read = await Store.GetAsync(request.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal((request.Id, request.Conversation, request.Summary, request.RequestedBy, request.CreatedAt, request.ExpiresAt, ApprovalStatus.Pending, "agent-run-1"),
            (read.Id, read.Conversation, read.Summary, read.RequestedBy, read.CreatedAt, read.ExpiresAt, read.Status, read.RequestKey));
        Assert.Equal(request.ReplyContext, read.ReplyContext);
        Assert.Null(read.Decision);
        Assert.Null(read.PostedAt);
        Assert.Empty(read.MessageIds);
        Assert.Equal(hash, await Store.GetTokenHashAsync(request.Id, CancellationToken.None));
        Assert.Equal(request.Id, (await Store.FindByRequestKeyAsync("agent-run-1", CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task CreateAsync_RequestKeyTaken_IsRefused()
    {
        await Store.CreateAsync(NewRequest(requestKey: "k"), [1], CancellationToken.None);

        Assert.False(await Store.CreateAsync(NewRequest(requestKey: "k"), [2], CancellationToken.None));
        Assert.True(await Store.CreateAsync(NewRequest(), [3], CancellationToken.None));
        Assert.True(await Store.CreateAsync(NewRequest(), [4], CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_UnknownId_IsNull()
    {
        Assert.Null(await Store.GetAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await Store.GetTokenHashAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task TryDecideAsync_Pending_RecordsTheDecisionOnce()
    {
        var request = await CreateAsync();
        var first = Decision("U1", "Ev1", ApprovalAction.Approve);

        Assert.True(await Store.TryDecideAsync(request.Id, first, CancellationToken.None));
        Assert.False(await Store.TryDecideAsync(request.Id, Decision("U2", "Ev2", ApprovalAction.Reject), CancellationToken.None));

        var read = (await Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(ApprovalStatus.Approved, read.Status);
        Assert.Equal(first, read.Decision);
    }

    [Fact]
    public async Task TryDecideAsync_ConcurrentDecisions_ExactlyOneWins()
    {
        var request = await CreateAsync();

        var wins = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            Store.TryDecideAsync(request.Id, Decision($"U{i}", $"Ev{i}", i % 2 == 0 ? ApprovalAction.Approve : ApprovalAction.Reject), CancellationToken.None))));

        Assert.Single(wins, won => won);
        var winner = Array.IndexOf(wins, true);
        var read = (await Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal($"U{winner}", read.Decision?.UserId);
        Assert.Equal(winner % 2 == 0 ? ApprovalStatus.Approved : ApprovalStatus.Rejected, read.Status);
    }

    [Fact]
    public async Task TryDecideAsync_AfterExpiry_ChangesNothing_AndTheRequestReadsExpired()
    {
        var request = await CreateAsync(TimeSpan.FromMinutes(5));
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(await Store.TryDecideAsync(request.Id, Decision("U1", "Ev1", ApprovalAction.Approve), CancellationToken.None));
        Assert.Equal(ApprovalStatus.Expired, (await Store.GetAsync(request.Id, CancellationToken.None))!.Status);
        Assert.True(await Store.TryExpireAsync(request.Id, CancellationToken.None));
        Assert.False(await Store.TryExpireAsync(request.Id, CancellationToken.None));
        var read = (await Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(ApprovalStatus.Expired, read.Status);
        Assert.Null(read.Decision);
    }

    [Fact]
    public async Task TryExpireAsync_BeforeExpiry_ChangesNothing()
    {
        var request = await CreateAsync(TimeSpan.FromMinutes(5));

        Assert.False(await Store.TryExpireAsync(request.Id, CancellationToken.None));
        Assert.Equal(ApprovalStatus.Pending, (await Store.GetAsync(request.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task WithdrawUnpostedAsync_EndsOnlyAnUnpostedPendingRequest_AsExpiredFromNow()
    {
        var unposted = await CreateAsync(TimeSpan.FromHours(1));
        var posted = await CreateAsync(TimeSpan.FromHours(1));
        await Store.MarkPostedAsync(posted.Id, ["1700000000.000300"], Time.GetUtcNow(), CancellationToken.None);
        var decided = await CreateAsync(TimeSpan.FromHours(1));
        await Store.TryDecideAsync(decided.Id, Decision("U1", "Ev1", ApprovalAction.Approve), CancellationToken.None);

        Assert.True(await Store.WithdrawUnpostedAsync(unposted.Id, CancellationToken.None));
        Assert.False(await Store.WithdrawUnpostedAsync(unposted.Id, CancellationToken.None));
        Assert.False(await Store.WithdrawUnpostedAsync(posted.Id, CancellationToken.None));
        Assert.False(await Store.WithdrawUnpostedAsync(decided.Id, CancellationToken.None));

        var withdrawn = (await Store.GetAsync(unposted.Id, CancellationToken.None))!;
        Assert.Equal((ApprovalStatus.Expired, Time.GetUtcNow()), (withdrawn.Status, withdrawn.ExpiresAt));
        Assert.Equal(ApprovalStatus.Pending, (await Store.GetAsync(posted.Id, CancellationToken.None))!.Status);
        Assert.Equal(ApprovalStatus.Approved, (await Store.GetAsync(decided.Id, CancellationToken.None))!.Status);
        Assert.DoesNotContain(unposted.Id, (await Store.ListAsync(ApprovalStatus.Pending, 10, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task ListAsync_ByStatus_ShowsAnOverduePendingRequestAsExpired()
    {
        var overdue = await CreateAsync(TimeSpan.FromMinutes(1));
        Time.Advance(TimeSpan.FromSeconds(1));
        var open = await CreateAsync(TimeSpan.FromHours(1));
        Time.Advance(TimeSpan.FromSeconds(1));
        var decided = await CreateAsync(TimeSpan.FromHours(1));
        await Store.TryDecideAsync(decided.Id, Decision("U1", "Ev1", ApprovalAction.Reject), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal([open.Id], (await Store.ListAsync(ApprovalStatus.Pending, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal([overdue.Id], (await Store.ListAsync(ApprovalStatus.Expired, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal([decided.Id], (await Store.ListAsync(ApprovalStatus.Rejected, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await Store.ListAsync(ApprovalStatus.Approved, 10, CancellationToken.None));
        Assert.Equal([decided.Id, open.Id, overdue.Id], (await Store.ListAsync(null, 10, CancellationToken.None)).Select(r => r.Id));
        Assert.Equal([decided.Id], (await Store.ListAsync(null, 1, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task MarkPostedAsync_KeepsMessageIds_AndEndsTokenReplacement()
    {
        var request = await CreateAsync();
        Assert.True(await Store.ReplaceTokenAsync(request.Id, [9, 9], CancellationToken.None));
        Assert.Equal([9, 9], await Store.GetTokenHashAsync(request.Id, CancellationToken.None));

        await Store.MarkPostedAsync(request.Id, ["1700000000.000200"], Time.GetUtcNow(), CancellationToken.None);

        var read = (await Store.GetAsync(request.Id, CancellationToken.None))!;
        Assert.Equal(["1700000000.000200"], read.MessageIds);
        Assert.Equal(Time.GetUtcNow(), read.PostedAt);
        Assert.False(await Store.ReplaceTokenAsync(request.Id, [7], CancellationToken.None));
        Assert.Equal([9, 9], await Store.GetTokenHashAsync(request.Id, CancellationToken.None));
    }

    private async Task<ApprovalRequest> CreateAsync(TimeSpan? expiresIn = null)
    {
        var request = NewRequest(expiresIn: expiresIn);
        Assert.True(await Store.CreateAsync(request, ApprovalToken.Create(request.Id).Hash, CancellationToken.None));
        return request;
    }

    protected ApprovalRequest NewRequest(string? requestKey = null, TimeSpan? expiresIn = null)
    {
        var now = Time.GetUtcNow();
        return new ApprovalRequest(Guid.CreateVersion7(now), Where, new Dictionary<string, string> { ["channel"] = "C1", ["thread_ts"] = Where.Thread },
            "Deploy v2 to production", "deploy-agent", now, now + (expiresIn ?? TimeSpan.FromHours(1)), ApprovalStatus.Pending, null, requestKey, null, []);
    }

    protected ApprovalDecision Decision(string user, string eventId, ApprovalAction action) =>
        new(action, ChatPlatform.Slack, user, $"name of {user}", eventId, Time.GetUtcNow());
}
