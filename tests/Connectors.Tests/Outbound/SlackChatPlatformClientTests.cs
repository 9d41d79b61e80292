using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class SlackChatPlatformClientTests : IAsyncLifetime, IDisposable
{
    private readonly OutboundHarness _harness = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task SendAsync_ReplyInThread_PostsToTheThreadWithTheBotToken()
    {
        var client = _harness.Slack(_slack);

        var delivered = await client.SendAsync(Turns.Reply(Turns.SlackThread, "Hello **there**", context: Turns.SlackContext()), CancellationToken.None);

        var message = Assert.Single(_slack.Messages);
        Assert.Equal("C1", message.Channel);
        Assert.Equal("1700000000.000100", message.ThreadTs);
        Assert.Equal("Hello *there*", message.Text);
        Assert.Equal([message.Ts], delivered.MessageIds);
        Assert.Equal("Bearer " + FakeSlackApi.BotToken, _slack.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task SendAsync_SlashCommand_AnswersThroughItsResponseUrl()
    {
        var client = _harness.Slack(_slack);
        var key = new ConversationKey(ChatPlatform.Slack, "T1", "C1", "command:1234.5678.abcd");
        var context = new Dictionary<string, string> { ["channel"] = "C1", ["response_url"] = _slack.ResponseUrl("R1").AbsoluteUri };

        await client.SendAsync(Turns.Reply(key, "Status: *fine*", context: context), CancellationToken.None);

        Assert.Equal(["R1: Status: _fine_"], _slack.Responses);
        Assert.Empty(_slack.Messages);
        Assert.Equal("in_channel", _slack.RequestsTo("/commands/R1")[0].Json.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task SendAsync_SlashCommandResponseUrlExpired_PostsInTheChannelInstead()
    {
        var client = _harness.Slack(_slack);
        _slack.ExpiredResponseUrls["R2"] = 0;
        var key = new ConversationKey(ChatPlatform.Slack, "T1", "C1", "command:1234.5678.abcd");
        var context = new Dictionary<string, string> { ["channel"] = "C1", ["response_url"] = _slack.ResponseUrl("R2").AbsoluteUri };

        await client.SendAsync(Turns.Reply(key, "Status: fine", context: context), CancellationToken.None);

        var message = Assert.Single(_slack.Messages);
        Assert.Equal(("C1", null), (message.Channel, message.ThreadTs));
        Assert.Empty(_slack.Responses);
    }

    [Fact]
    public async Task SendAsync_LongAnswer_SplitsIntoThreadedMessagesWithinTheLimit()
    {
        var client = _harness.Slack(_slack);

        var delivered = await client.SendAsync(Turns.Reply(Turns.SlackThread, Turns.LongMarkdown(20)), CancellationToken.None);

        var messages = _slack.Messages.ToList();
        Assert.True(messages.Count > 1);
        Assert.All(messages, m => Assert.InRange(m.Text!.Length, 1, 3000));
        Assert.All(messages, m => Assert.Equal("1700000000.000100", m.ThreadTs));
        Assert.Equal(messages.Select(m => m.Ts), delivered.MessageIds);
        Assert.Equal(20, messages.Sum(m => m.Text!.Split("*Part ").Length - 1));
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_PostsOnceAndReturnsTheFirstDelivery()
    {
        var client = _harness.Slack(_slack);
        var reply = Turns.Reply(Turns.SlackThread, "once");

        var first = await client.SendAsync(reply, CancellationToken.None);
        var second = await client.SendAsync(reply, CancellationToken.None);

        Assert.Single(_slack.Messages);
        Assert.Equal(first.MessageIds, second.MessageIds);
    }

    [Fact]
    public async Task SendAsync_SameKeyConcurrently_PostsOnce()
    {
        var client = _harness.Slack(_slack);
        var reply = Turns.Reply(Turns.SlackThread, "once");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(reply, CancellationToken.None)));

        Assert.Single(_slack.Messages);
    }

    [Fact]
    public async Task SendAsync_DifferentKeys_PostsEach()
    {
        var client = _harness.Slack(_slack);

        await client.SendAsync(Turns.Reply(Turns.SlackThread, "one", "k1"), CancellationToken.None);
        await client.SendAsync(Turns.Reply(Turns.SlackThread, "two", "k2"), CancellationToken.None);

        Assert.Equal(["one", "two"], _slack.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task SendAsync_RateLimitedThenAccepted_PostsExactlyOnceAfterTheRequestedWait()
    {
        var client = _harness.Slack(_slack);
        _slack.RateLimitNext(2, TimeSpan.FromSeconds(4));

        await client.SendAsync(Turns.Reply(Turns.SlackThread, "patient"), CancellationToken.None);

        Assert.Equal([429, 429, 200], _slack.Requests.Select(r => r.Status));
        Assert.Single(_slack.Messages);
        Assert.Equal(2, _harness.Time.Waits.Count(w => w >= TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task SendAsync_ServerErrorThenAccepted_PostsExactlyOnce()
    {
        var client = _harness.Slack(_slack);
        _slack.FailNext(1, 500);

        await client.SendAsync(Turns.Reply(Turns.SlackThread, "again"), CancellationToken.None);

        Assert.Equal([500, 200], _slack.Requests.Select(r => r.Status));
        Assert.Single(_slack.Messages);
    }

    [Fact]
    public async Task SendAsync_FailsAfterTheFirstPiece_RetryPostsOnlyTheRest()
    {
        var client = _harness.Slack(_slack);
        var reply = Turns.Reply(Turns.SlackThread, Turns.LongMarkdown(20));
        _slack.PassNext(1);
        _slack.FailNext(1, 400);

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => client.SendAsync(reply, CancellationToken.None));
        Assert.False(failure.IsTransient);
        Assert.Single(_slack.Messages);

        var delivered = await client.SendAsync(reply, CancellationToken.None);

        var texts = _slack.Messages.Select(m => m.Text).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.Equal(texts.Count, delivered.MessageIds.Count);
        Assert.Equal(20, texts.Sum(t => t!.Split("*Part ").Length - 1));
    }

    [Fact]
    public async Task SendAsync_SlackError_ThrowsWithSlacksErrorCodeAndNoRetry()
    {
        var client = _harness.Slack(_slack);
        var key = new ConversationKey(ChatPlatform.Slack, "T1", FakeSlackApi.MissingChannel, "1700000000.000100");

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => client.SendAsync(Turns.Reply(key, "lost"), CancellationToken.None));

        Assert.Equal("channel_not_found", failure.ErrorCode);
        Assert.False(failure.IsTransient);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task SendAsync_RateLimitLongerThanAllowed_ThrowsTransientWithTheWait()
    {
        var client = _harness.Slack(_slack);
        _slack.RateLimitNext(1, TimeSpan.FromMinutes(10));

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => client.SendAsync(Turns.Reply(Turns.SlackThread, "later"), CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromMinutes(10), failure.RetryAfter);
        Assert.False(_harness.Ledger.WasDelivered(ChatPlatform.Slack, "reply-1"));
    }

    [Fact]
    public async Task SendAsync_ApprovalToken_LastMessageCarriesApproveAndRejectButtons()
    {
        var client = _harness.Slack(_slack);
        var context = new Dictionary<string, string> { [ApprovalButtons.ContextKey] = "tok-123" };

        await client.SendAsync(Turns.Reply(Turns.SlackThread, "Deploy?", context: context), CancellationToken.None);

        var blocks = Assert.Single(_slack.Messages).Blocks!.Value;
        Assert.Equal("Deploy?", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var buttons = blocks[1].GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(["approve", "reject"], buttons.Select(b => b.GetProperty("action_id").GetString()));
        Assert.Equal(["tok-123", "tok-123"], buttons.Select(b => b.GetProperty("value").GetString()));
        Assert.Equal(["primary", "danger"], buttons.Select(b => b.GetProperty("style").GetString()));
    }

    [Fact]
    public async Task AcknowledgeAsync_Message_AddsEyesToItAndToleratesASecondTime()
    {
        var client = _harness.Slack(_slack);
        var turn = Turns.Turn(Turns.SlackThread, Turns.SlackContext("1700000000.000300"));

        await client.AcknowledgeAsync(turn, CancellationToken.None);
        await client.AcknowledgeAsync(turn, CancellationToken.None);

        Assert.Equal(["C1/1700000000.000300/eyes"], _slack.Reactions);
    }

    [Fact]
    public async Task SendAsync_FailuresAndRetries_NeverLogTheToken()
    {
        var client = _harness.Slack(_slack);
        _slack.RateLimitNext(1, TimeSpan.FromSeconds(1));
        _slack.FailNext(1, 503);
        await client.SendAsync(Turns.Reply(Turns.SlackThread, "x"), CancellationToken.None);
        await Assert.ThrowsAsync<ChatPlatformException>(() => client.SendAsync(Turns.Reply(new ConversationKey(ChatPlatform.Slack, "T1", FakeSlackApi.MissingChannel, "1.2"), "y", "k2"), CancellationToken.None));

        Assert.Contains("retry 1", _harness.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSlackApi.BotToken, _harness.Logs.All, StringComparison.Ordinal);
    }
}
