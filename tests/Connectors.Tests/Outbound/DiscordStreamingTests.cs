using System.Globalization;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Outbound;

/// <summary>
/// A streamed Discord answer edits the interaction's @original (or, for a Gateway message, one channel message) at
/// Discord's pace and ends as the full answer; an interaction older than the token window is answered through the
/// bot's REST API.
/// </summary>
public sealed class DiscordStreamingTests : IAsyncLifetime, IDisposable
{
    private const string Token = "aW50ZXJhY3Rpb246c3RyZWFtaW5nLXRva2Vu";
    private static readonly ConversationKey Channel = new(ChatPlatform.Discord, "G1", "C42", "C42");

    private readonly OutboundHarness _harness = new();
    private readonly FakeTimeProvider _clock = new();
    private FakeDiscordApi _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscordApi.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task ShowPartialThenSend_Interaction_EditsOriginalAtThePaceAndEndsWithTheFullAnswer()
    {
        var client = _harness.Discord(_discord);
        var reply = Turns.Reply(Channel, StreamedAnswer.Text, context: Interaction(age: TimeSpan.FromMinutes(1)));

        await StreamedAnswer.StreamAsync(client, reply, _clock);
        var delivered = await client.SendAsync(reply, CancellationToken.None);

        var original = Assert.Single(_discord.Messages);
        Assert.Equal(("original", StreamedAnswer.SentAtOneSecondPace[0]), (original.Via, original.Content));
        Assert.Equal([.. StreamedAnswer.SentAtOneSecondPace.Skip(1).Append(StreamedAnswer.Text).Select(t => $"{original.Id}: {t}")], _discord.Edits);
        Assert.All(_discord.Requests, r => Assert.EndsWith("/messages/@original", r.Path, StringComparison.Ordinal));
        Assert.Equal([original.Id], delivered.MessageIds);
    }

    [Fact]
    public async Task ShowPartialThenSend_GatewayMessage_PostsOneReplyAndEditsIt()
    {
        var client = _harness.Discord(_discord);
        var reply = Turns.Reply(Channel, StreamedAnswer.Text, context: new Dictionary<string, string> { ["channel_id"] = "C42", ["message_id"] = "M7" });

        await StreamedAnswer.StreamAsync(client, reply, _clock);
        await client.SendAsync(reply, CancellationToken.None);

        var message = Assert.Single(_discord.Messages);
        Assert.Equal(("channel", "M7", StreamedAnswer.SentAtOneSecondPace[0]), (message.Via, message.ReplyTo, message.Content));
        Assert.Equal($"{message.Id}: {StreamedAnswer.Text}", _discord.Edits.Last());
        Assert.Equal(StreamedAnswer.SentAtOneSecondPace.Length, _discord.Edits.Count);
    }

    [Fact]
    public async Task ShowPartialThenSend_RateLimitAndServerErrorOnTheEdits_AreRetriedAndEndWithOneMessage()
    {
        var client = _harness.Discord(_discord);
        var reply = Turns.Reply(Channel, StreamedAnswer.Text, context: new Dictionary<string, string> { ["channel_id"] = "C42", ["message_id"] = "M7" });
        await client.ShowPartialAsync(reply with { Text = "one" }, CancellationToken.None);

        _discord.RateLimitNext(1, TimeSpan.FromSeconds(2));
        await client.ShowPartialAsync(reply with { Text = "one two" }, CancellationToken.None);
        _discord.FailNext(1, 502);
        await client.SendAsync(reply, CancellationToken.None);

        var message = Assert.Single(_discord.Messages);
        Assert.Equal([$"{message.Id}: one two", $"{message.Id}: {StreamedAnswer.Text}"], _discord.Edits);
        Assert.Equal([200, 429, 200, 502, 200], _discord.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Send_InteractionOlderThanTheTokenWindow_AnswersThroughTheBotsRestApi()
    {
        var client = _harness.Discord(_discord);
        var reply = Turns.Reply(Channel, "late but delivered", context: Interaction(age: TimeSpan.FromMinutes(14.5)));

        await client.ShowPartialAsync(reply with { Text = "late" }, CancellationToken.None);
        await client.SendAsync(reply, CancellationToken.None);

        var message = Assert.Single(_discord.Messages);
        Assert.Equal(("channel", "C42"), (message.Via, message.ChannelId));
        Assert.Equal([$"{message.Id}: late but delivered"], _discord.Edits);
        Assert.DoesNotContain(_discord.Requests, r => r.Path.Contains("/webhooks/", StringComparison.Ordinal));
        Assert.All(_discord.Requests, r => Assert.Equal("Bot " + FakeDiscordApi.BotToken, r.Header("Authorization")));
    }

    [Fact]
    public async Task Send_StreamedOriginalWhoseTokenRanOutMeanwhile_PostsTheAnswerToTheChannel()
    {
        var client = _harness.Discord(_discord);
        var reply = Turns.Reply(Channel, "slow answer", context: Interaction(age: TimeSpan.FromMinutes(13)));
        await client.ShowPartialAsync(reply with { Text = "slow" }, CancellationToken.None);

        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        await client.SendAsync(reply, CancellationToken.None);

        Assert.Equal(["original", "channel"], _discord.Messages.Select(m => m.Via));
        Assert.Equal("slow answer", _discord.Messages.Last().Content);
    }

    [Fact]
    public async Task Send_CrashAfterTheStreamedPostBeforeItsIdWasRecorded_TheNonceAnswersThatMessageAndItIsEdited()
    {
        var reply = Turns.Reply(Channel, StreamedAnswer.Text, context: new Dictionary<string, string> { ["channel_id"] = "C42", ["message_id"] = "M7" });
        await _harness.Discord(_discord).ShowPartialAsync(reply with { Text = "one two" }, CancellationToken.None);

        var afterCrash = new InMemoryReplyOutbox(_harness.Time);
        await afterCrash.BeginPostAsync(ChatPlatform.Discord, reply.IdempotencyKey, 0, CancellationToken.None);
        _harness.Ledger = new DeliveryLedger(afterCrash, _harness.Time);
        await _harness.Discord(_discord).SendAsync(reply, CancellationToken.None);

        var message = Assert.Single(_discord.Messages);
        Assert.Equal([$"{message.Id}: {StreamedAnswer.Text}"], _discord.Edits);
        Assert.Equal(2, _discord.Requests.Count(r => r.Method == "POST"));
    }

    /// <summary>An interaction created <paramref name="age"/> before the harness clock's now (its id is a snowflake).</summary>
    private Dictionary<string, string> Interaction(TimeSpan age)
    {
        var at = _harness.Time.GetUtcNow() - age;
        var snowflake = (ulong)(at.ToUnixTimeMilliseconds() - 1_420_070_400_000) << 22;
        return new()
        {
            ["application_id"] = FakeDiscordApi.ApplicationId,
            ["interaction_id"] = snowflake.ToString(CultureInfo.InvariantCulture),
            ["interaction_token"] = Token,
            ["channel_id"] = "C42",
        };
    }
}
