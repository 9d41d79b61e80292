using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Outbound;

/// <summary>A streamed Slack answer: one threaded message, edited at Slack's pace, ending as the full answer, never posted twice.</summary>
public sealed class SlackStreamingTests : IAsyncLifetime, IDisposable
{
    private readonly OutboundHarness _harness = new();
    private readonly FakeTimeProvider _clock = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ShowPartialThenSend_GrowingAnswer_EditsOneMessageAtThePaceAndEndsWithTheFullAnswer()
    {
        var client = _harness.Slack(_slack);
        var reply = Turns.Reply(Turns.SlackThread, StreamedAnswer.Text, context: Turns.SlackContext());

        await StreamedAnswer.StreamAsync(client, reply, _clock);
        var delivered = await client.SendAsync(reply, CancellationToken.None);

        var message = Assert.Single(_slack.Messages);
        Assert.Equal(("C1", "1700000000.000100", StreamedAnswer.SentAtOneSecondPace[0]), (message.Channel, message.ThreadTs, message.Text));
        Assert.Equal([.. StreamedAnswer.SentAtOneSecondPace.Skip(1), StreamedAnswer.Text], _slack.Updates.Select(u => u.Text));
        Assert.All(_slack.Updates, u => Assert.Equal(message.Ts, u.Ts));
        Assert.Equal(StreamedAnswer.Text, _slack.Current[message.Ts].Text);
        Assert.Equal([message.Ts], delivered.MessageIds);
        var metadata = message.Metadata!.Value;
        Assert.Equal("chatcouncil_reply", metadata.GetProperty("event_type").GetString());
        Assert.Equal("reply-1", metadata.GetProperty("event_payload").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Send_AnswerLongerThanOneMessage_FirstPieceIsTheStreamedMessageTheRestArePosted()
    {
        var client = _harness.Slack(_slack);
        var text = Turns.LongMarkdown(20);
        var reply = Turns.Reply(Turns.SlackThread, text, context: Turns.SlackContext());

        await client.ShowPartialAsync(reply with { Text = text[..100] }, CancellationToken.None);
        await client.SendAsync(reply, CancellationToken.None);

        var messages = _slack.Messages.ToList();
        Assert.True(messages.Count > 1);
        Assert.Equal(messages[0].Ts, Assert.Single(_slack.Updates).Ts);
        Assert.Equal(20, messages.Sum(m => _slack.Current[m.Ts].Text!.Split("*Part ").Length - 1));
        Assert.Equal(Enumerable.Range(0, messages.Count), messages.Select(m => m.Metadata!.Value.GetProperty("event_payload").GetProperty("piece").GetInt32()));
    }

    [Fact]
    public async Task Send_CrashAfterThePostBeforeItsIdWasRecorded_FindsTheMessageByItsMetadataAndEditsIt()
    {
        var reply = Turns.Reply(Turns.SlackThread, StreamedAnswer.Text, context: Turns.SlackContext());
        await _harness.Slack(_slack).ShowPartialAsync(reply with { Text = "one two" }, CancellationToken.None);

        // The next process finds only what was written before the post: that it began.
        var afterCrash = new InMemoryReplyOutbox(_harness.Time);
        await afterCrash.BeginPostAsync(ChatPlatform.Slack, reply.IdempotencyKey, 0, CancellationToken.None);
        _harness.Ledger = new DeliveryLedger(afterCrash, _harness.Time);
        await _harness.Slack(_slack).SendAsync(reply, CancellationToken.None);

        var message = Assert.Single(_slack.Messages);
        Assert.Equal(StreamedAnswer.Text, _slack.Current[message.Ts].Text);
        var lookup = Assert.Single(_slack.RequestsTo("conversations.replies"));
        Assert.Contains("ts=1700000000.000100", lookup.Query, StringComparison.Ordinal);
        Assert.Contains("include_all_metadata=true", lookup.Query, StringComparison.Ordinal);
        Assert.Equal(message.Ts, (await afterCrash.LoadAsync(ChatPlatform.Slack, reply.IdempotencyKey, CancellationToken.None)).Single().MessageId);
    }

    [Fact]
    public async Task Send_CrashBeforeThePost_FindsNothingAndPostsOnce()
    {
        var reply = Turns.Reply(Turns.SlackThread, "only once", context: Turns.SlackContext());
        await _harness.Outbox.BeginPostAsync(ChatPlatform.Slack, reply.IdempotencyKey, 0, CancellationToken.None);

        await _harness.Slack(_slack).SendAsync(reply, CancellationToken.None);

        Assert.Equal(["only once"], _slack.Messages.Select(m => m.Text));
        Assert.Single(_slack.RequestsTo("conversations.replies"));
    }

    [Fact]
    public async Task Send_AfterARestartWithTheReplyDelivered_PostsAndEditsNothing()
    {
        var reply = Turns.Reply(Turns.SlackThread, "done before the crash", context: Turns.SlackContext());
        await _harness.Slack(_slack).SendAsync(reply, CancellationToken.None);
        var calls = _slack.Requests.Count;

        _harness.Ledger = new DeliveryLedger(_harness.Outbox, _harness.Time);
        await _harness.Slack(_slack).SendAsync(reply, CancellationToken.None);

        Assert.Equal(calls, _slack.Requests.Count);
        Assert.Single(_slack.Messages);
    }

    [Fact]
    public async Task ShowPartialThenSend_RateLimitAndServerErrorOnTheEdits_AreRetriedAndEndWithOneMessage()
    {
        var client = _harness.Slack(_slack);
        var reply = Turns.Reply(Turns.SlackThread, StreamedAnswer.Text, context: Turns.SlackContext());
        await client.ShowPartialAsync(reply with { Text = "one" }, CancellationToken.None);

        _slack.RateLimitNext(1, TimeSpan.FromSeconds(3));
        await client.ShowPartialAsync(reply with { Text = "one two" }, CancellationToken.None);
        _slack.FailNext(1, 500);
        await client.SendAsync(reply, CancellationToken.None);

        var message = Assert.Single(_slack.Messages);
        Assert.Equal(StreamedAnswer.Text, _slack.Current[message.Ts].Text);
        Assert.Equal([200, 429, 200, 500, 200], _slack.Requests.Select(r => r.Status));
        Assert.Contains(_harness.Time.Waits, w => w >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task ShowPartial_SlashCommandAnsweredThroughItsResponseUrl_DoesNotStream()
    {
        var client = _harness.Slack(_slack);
        var command = new ConversationKey(ChatPlatform.Slack, "T1", "C1", "command:abc");
        var reply = Turns.Reply(command, "whole", context: new Dictionary<string, string> { ["response_url"] = _slack.ResponseUrl("R9").ToString() });

        await client.ShowPartialAsync(reply with { Text = "who" }, CancellationToken.None);
        await client.SendAsync(reply, CancellationToken.None);

        Assert.Equal(["R9: whole"], _slack.Responses);
        Assert.Empty(_slack.Messages);
    }
}
