using System.Net;
using System.Text;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Commands;

/// <summary>
/// <c>/council help|status|ask …</c> from signed Slack and Discord requests, answered through the inbox by the real
/// host: Slack on the command's response_url, Discord by editing the deferred interaction response.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class SlashCommandTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private FakeDiscordApi _discord = null!;
    private CommandHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _discord = await FakeDiscordApi.StartAsync();
        _host = new CommandHost(_slack, _discord);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Theory]
    [InlineData("help")]
    [InlineData("")]
    [InlineData("  HELP  ")]
    public async Task SlackHelp_ListsEverySubCommand(string text)
    {
        var answer = await SlackAsync("trig-help", text);

        Assert.Contains("Usage: `/council <sub-command>`", answer, StringComparison.Ordinal);
        Assert.Contains("`/council ask <question>`", answer, StringComparison.Ordinal);
        Assert.Contains("`/council status`", answer, StringComparison.Ordinal);
        Assert.Contains("`/council help`", answer, StringComparison.Ordinal);
        Assert.Null(await ConversationAsync(SlackKey("trig-help")));
    }

    [Fact]
    public async Task SlackStatus_ReportsVersionUptimeModelsInboxAndPlatforms()
    {
        var answer = await SlackAsync("trig-status", "status");

        Assert.Contains("ChatCouncil ", answer, StringComparison.Ordinal);
        Assert.Matches(@"Up \d+m \d+s \(since \d{4}-\d\d-\d\d \d\d:\d\d UTC\)", answer);
        Assert.Contains("Models: tiny (loaded; default for chat, embedding)", answer, StringComparison.Ordinal);
        // The status command itself is the one event being answered.
        Assert.Contains("Inbox: 1 waiting, 0 dead letters", answer, StringComparison.Ordinal);
        Assert.Contains("Slack in: webhooks, replies on", answer, StringComparison.Ordinal);
        Assert.Contains("Discord in: webhooks, replies on", answer, StringComparison.Ordinal);
        Assert.Contains("GitHub off", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackAsk_GivesTheModelTheQuestionAlone()
    {
        var answer = await SlackAsync("trig-ask", "ask   what is new?");

        Assert.False(string.IsNullOrWhiteSpace(answer));
        Assert.DoesNotContain("Usage", answer, StringComparison.Ordinal);
        var messages = await MessagesAsync(SlackKey("trig-ask"));
        Assert.Equal("what is new?", messages.First(m => m.Role == MessageRole.User).Content);
        Assert.Contains(messages, m => m.Role == MessageRole.Assistant);
    }

    [Theory]
    [InlineData("trig-noq", "ask", "`/council ask <question>` needs a question")]
    [InlineData("trig-bogus", "bogus stuff", "`/council` has no sub-command `bogus`")]
    [InlineData("trig-markup", "<!channel>`x` hi", "`/council` has no sub-command `channelx`")]
    public async Task SlackUsageError_AnswersWithoutAskingTheModel(string trigger, string text, string expected)
    {
        var answer = await SlackAsync(trigger, text);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.Null(await ConversationAsync(SlackKey(trigger)));
    }

    [Fact]
    public async Task DiscordHelp_EditsTheDeferredResponse()
    {
        var message = await DiscordAsync("help");

        Assert.Equal("original", message.Via);
        Assert.Contains("`/council ask <question>`", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscordStatus_EditsTheDeferredResponseWithTheFacts()
    {
        var message = await DiscordAsync("status");

        Assert.Contains("Models: tiny (loaded", message.Content, StringComparison.Ordinal);
        Assert.Contains("Discord in: webhooks, replies on", message.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscordAsk_GivesTheModelTheQuestionOption()
    {
        var message = await DiscordAsync("ask", "how do I deploy?");

        Assert.Equal("original", message.Via);
        Assert.False(string.IsNullOrWhiteSpace(message.Content));
        var messages = await MessagesAsync(new ConversationKey(ChatPlatform.Discord, "200", "300", "300"));
        Assert.Equal("how do I deploy?", messages.First(m => m.Role == MessageRole.User).Content);
    }

    private async Task<string> SlackAsync(string trigger, string text)
    {
        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/slack/commands",
            Payloads.SlackCommandForm(trigger, text, _slack.ResponseUrl(trigger)), "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitUntilAsync(() => _slack.Responses.Any(r => r.StartsWith(trigger + ": ", StringComparison.Ordinal)));
        // Slack's mrkdwn escapes <, > and &; the user sees them decoded.
        return WebUtility.HtmlDecode(_slack.Responses.First(r => r.StartsWith(trigger + ": ", StringComparison.Ordinal))[(trigger.Length + 2)..]);
    }

    private async Task<DiscordPostedMessage> DiscordAsync(string subCommand, string? question = null)
    {
        var id = Payloads.FreshDiscordId();
        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/discord/interactions",
            Payloads.DiscordCouncil(id, FakeDiscordApi.ApplicationId, subCommand, question)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"type\":5", Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        await WaitUntilAsync(() => !_discord.Messages.IsEmpty);
        return Assert.Single(_discord.Messages);
    }

    private static ConversationKey SlackKey(string trigger) => new(ChatPlatform.Slack, "T1", "C1", $"command:{trigger}");

    private Task<Guid?> ConversationAsync(ConversationKey key) =>
        _host.Services.GetRequiredService<IInboxStore>().FindConversationAsync(key, CancellationToken.None);

    private async Task<IReadOnlyList<HistoryMessage>> MessagesAsync(ConversationKey key)
    {
        var conversation = await ConversationAsync(key);
        Assert.NotNull(conversation);
        return await _host.Services.GetRequiredService<IChatHistoryStore>().ListMessagesAsync(conversation.Value);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the answer never reached the platform");
            await Task.Delay(20);
        }
    }
}
