using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class DiscordChatPlatformClientTests : IAsyncLifetime, IDisposable
{
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQtdG9rZW4";
    private static readonly ConversationKey Channel = new(ChatPlatform.Discord, "G1", "C42", "C42");

    private readonly OutboundHarness _harness = new();
    private FakeDiscordApi _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscordApi.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task SendAsync_GatewayMessage_RepliesInTheChannelReferencingItWithoutMentions()
    {
        var client = _harness.Discord(_discord);
        var context = new Dictionary<string, string> { ["channel_id"] = "C42", ["message_id"] = "M7" };

        var delivered = await client.SendAsync(Turns.Reply(Channel, "**Hi** @everyone", context: context), CancellationToken.None);

        var message = Assert.Single(_discord.Messages);
        Assert.Equal(("C42", "channel", "M7", "**Hi** @everyone"), (message.ChannelId, message.Via, message.ReplyTo, message.Content));
        Assert.Equal([message.Id], delivered.MessageIds);
        var request = Assert.Single(_discord.Requests);
        Assert.Equal("Bot " + FakeDiscordApi.BotToken, request.Header("Authorization"));
        Assert.Equal(0, request.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task SendAsync_LongAnswer_SplitsAt2000CharactersAndReferencesOnlyOnce()
    {
        var client = _harness.Discord(_discord);
        var context = new Dictionary<string, string> { ["channel_id"] = "C42", ["message_id"] = "M7" };

        await client.SendAsync(Turns.Reply(Channel, Turns.LongMarkdown(20), context: context), CancellationToken.None);

        var messages = _discord.Messages.ToList();
        Assert.True(messages.Count > 2);
        Assert.All(messages, m => Assert.InRange(m.Content!.Length, 1, 2000));
        Assert.Equal(["M7"], messages.Select(m => m.ReplyTo).OfType<string>());
        Assert.All(_discord.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task SendAsync_Interaction_EditsTheDeferredResponseThenFollowsUp()
    {
        var client = _harness.Discord(_discord);

        await client.SendAsync(Turns.Reply(Channel, Turns.LongMarkdown(10), context: InteractionContext()), CancellationToken.None);

        var messages = _discord.Messages.ToList();
        Assert.Equal("original", messages[0].Via);
        Assert.True(messages.Count > 1);
        Assert.All(messages.Skip(1), m => Assert.Equal("followup", m.Via));
        Assert.Equal("PATCH", _discord.Requests[0].Method);
        Assert.EndsWith("/messages/@original", _discord.Requests[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ButtonClick_AnswersWithFollowUpsAndLeavesTheButtonsMessage()
    {
        var client = _harness.Discord(_discord);
        var context = InteractionContext();
        context["custom_id"] = "approve:tok-1";
        context["message_id"] = "M-with-buttons";

        await client.SendAsync(Turns.Reply(Channel, "Approved.", context: context), CancellationToken.None);

        Assert.Equal("followup", Assert.Single(_discord.Messages).Via);
        Assert.Equal("POST", Assert.Single(_discord.Requests).Method);
    }

    [Fact]
    public async Task SendAsync_InteractionTokenExpired_FallsBackToTheBotsChannelMessage()
    {
        var client = _harness.Discord(_discord);
        _discord.ExpiredTokens[InteractionToken] = 0;

        var delivered = await client.SendAsync(Turns.Reply(Channel, "late answer", context: InteractionContext()), CancellationToken.None);

        var message = Assert.Single(_discord.Messages);
        Assert.Equal(("C42", "channel", "late answer"), (message.ChannelId, message.Via, message.Content));
        Assert.Equal([401, 200], _discord.Requests.Select(r => r.Status));
        Assert.Equal([message.Id], delivered.MessageIds);
        Assert.Contains("token expired", _harness.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, _harness.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RateLimitedWithJsonRetryAfter_WaitsTheFloatSecondsAndPostsOnce()
    {
        var client = _harness.Discord(_discord);
        _discord.RateLimitNext(1, TimeSpan.FromSeconds(1.5));

        await client.SendAsync(Turns.Reply(Channel, "paced"), CancellationToken.None);

        Assert.Equal([429, 200], _discord.Requests.Select(r => r.Status));
        Assert.Single(_discord.Messages);

        // The JSON body says 1.5 s; the Retry-After header rounds it up to 2 s: the body wins.
        var wait = Assert.Single(_harness.Time.Waits, w => w >= TimeSpan.FromSeconds(1));
        Assert.InRange(wait, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.66));
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_PostsOnce()
    {
        var client = _harness.Discord(_discord);
        var reply = Turns.Reply(Channel, "once");

        await client.SendAsync(reply, CancellationToken.None);
        await client.SendAsync(reply, CancellationToken.None);

        Assert.Single(_discord.Messages);
    }

    [Fact]
    public async Task SendAsync_SameReplyFromARestartedProcess_DiscordsNonceKeepsItToOneMessage()
    {
        var reply = Turns.Reply(Channel, Turns.LongMarkdown(10));
        using var restarted = new OutboundHarness();

        var first = await _harness.Discord(_discord).SendAsync(reply, CancellationToken.None);
        var second = await restarted.Discord(_discord).SendAsync(reply, CancellationToken.None);

        Assert.Equal(first.MessageIds, second.MessageIds);
        Assert.Equal(first.MessageIds.Count, _discord.Messages.Count);
        Assert.All(_discord.Requests, r => Assert.Equal(25, r.Json.GetProperty("nonce").GetString()!.Length));
    }

    [Fact]
    public async Task SendAsync_ApprovalToken_LastMessageCarriesButtonsWithCustomIds()
    {
        var client = _harness.Discord(_discord);
        var context = new Dictionary<string, string> { [ApprovalButtons.ContextKey] = "tok-9" };

        await client.SendAsync(Turns.Reply(Channel, "Merge?", context: context), CancellationToken.None);

        var row = Assert.Single(_discord.Messages).Components!.Value[0];
        Assert.Equal(1, row.GetProperty("type").GetInt32());
        var buttons = row.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["approve:tok-9", "reject:tok-9"], buttons.Select(b => b.GetProperty("custom_id").GetString()));
        Assert.Equal([3, 4], buttons.Select(b => b.GetProperty("style").GetInt32()));
    }

    [Fact]
    public async Task SendAsync_BotTokenRefused_ThrowsNonTransientWithoutRetry()
    {
        var client = _harness.Discord(_discord, o => o.BotToken = "wrong-token");

        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => client.SendAsync(Turns.Reply(Channel, "x"), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Single(_discord.Requests);
    }

    [Fact]
    public async Task AcknowledgeAsync_GatewayMessage_ReactsWithEyes()
    {
        var client = _harness.Discord(_discord);

        await client.AcknowledgeAsync(Turns.Turn(Channel, new Dictionary<string, string> { ["channel_id"] = "C42", ["message_id"] = "M7" }), CancellationToken.None);

        Assert.Equal(["C42/M7/👀"], _discord.Reactions);
    }

    [Fact]
    public async Task AcknowledgeAsync_Interaction_SendsNothing()
    {
        var client = _harness.Discord(_discord);

        await client.AcknowledgeAsync(Turns.Turn(Channel, InteractionContext()), CancellationToken.None);

        Assert.Empty(_discord.Requests);
    }

    private static Dictionary<string, string> InteractionContext() => new()
    {
        ["application_id"] = FakeDiscordApi.ApplicationId,
        ["interaction_id"] = "I1",
        ["interaction_token"] = InteractionToken,
        ["channel_id"] = "C42",
    };
}
