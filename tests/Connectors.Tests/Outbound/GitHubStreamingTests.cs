using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Outbound;

/// <summary>A streamed GitHub answer: one marked comment, edited at GitHub's slower pace, never posted twice after a crash.</summary>
public sealed class GitHubStreamingTests : IAsyncLifetime, IDisposable
{
    private static readonly ConversationKey Issue = new(ChatPlatform.GitHub, "octo", "hello-world", "17");
    private static readonly string Marker = "\n\n" + GitHubChatPlatformClient.Marker("reply-1", 0);

    private readonly OutboundHarness _harness = new();
    private readonly FakeTimeProvider _clock = new();
    private FakeGitHubApi _github = null!;

    public async Task InitializeAsync() => _github = await FakeGitHubApi.StartAsync();

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ShowPartialThenSend_GrowingAnswer_EditsOneCommentEveryTwoAndAHalfSecondsAndEndsWithTheFullAnswer()
    {
        var (client, _, _) = _harness.GitHub(_github);
        var reply = Turns.Reply(Issue, StreamedAnswer.Text);

        await StreamedAnswer.StreamAsync(client, reply, _clock);
        var delivered = await client.SendAsync(reply, CancellationToken.None);

        // Offered every 0.4 s with a 2.5 s pace: sent at 0 s (1 word) and 2.8 s (8 words), then the final edit.
        var comment = Assert.Single(_github.Comments);
        Assert.Equal("one" + Marker, comment.Body);
        Assert.Equal(["one two three four five six seven eight" + Marker, StreamedAnswer.Text + Marker], _github.Edits.Select(e => e.Body));
        Assert.Equal(StreamedAnswer.Text + Marker, _github.Current[comment.Id].Comment.Body);
        Assert.Equal([comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], delivered.MessageIds);
    }

    [Fact]
    public async Task Send_CrashAfterThePostBeforeItsIdWasRecorded_FindsTheMarkedCommentAndEditsIt()
    {
        var reply = Turns.Reply(Issue, StreamedAnswer.Text);
        var (first, _, _) = _harness.GitHub(_github);
        await first.ShowPartialAsync(reply with { Text = "one two" }, CancellationToken.None);

        var afterCrash = new InMemoryReplyOutbox(_harness.Time);
        await afterCrash.BeginPostAsync(ChatPlatform.GitHub, reply.IdempotencyKey, 0, CancellationToken.None);
        _harness.Ledger = new DeliveryLedger(afterCrash, _harness.Time);
        var (second, _, _) = _harness.GitHub(_github);
        await second.SendAsync(reply, CancellationToken.None);

        var comment = Assert.Single(_github.Comments);
        Assert.Equal(StreamedAnswer.Text + Marker, _github.Current[comment.Id].Comment.Body);
        var lookup = Assert.Single(_github.Requests, r => r.Method == "GET");
        Assert.Equal("/repos/octo/hello-world/issues/17/comments", lookup.Path);
        Assert.Contains("since=", lookup.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerErrorAndRateLimitOnTheEdits_AreRetriedAndEndWithOneComment()
    {
        var (client, _, _) = _harness.GitHub(_github);
        var reply = Turns.Reply(Issue, StreamedAnswer.Text);
        await client.ShowPartialAsync(reply with { Text = "one" }, CancellationToken.None);

        _github.FailNext(1, 500);
        await client.ShowPartialAsync(reply with { Text = "one two" }, CancellationToken.None);
        _github.RateLimitNext(1, TimeSpan.FromSeconds(20));
        await client.SendAsync(reply, CancellationToken.None);

        var comment = Assert.Single(_github.Comments);
        Assert.Equal(StreamedAnswer.Text + Marker, _github.Current[comment.Id].Comment.Body);
        Assert.Equal([201, 500, 200, 403, 200], _github.Requests.Select(r => r.Status));
    }
}
