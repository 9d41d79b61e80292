using System.Globalization;
using System.Net;
using ChatCouncil.BotHost.History;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>
/// The model's answer streamed through the real clients to the stand-in APIs: one message per reply, edited as the
/// answer grows no faster than the configured pace (checked on the fakes' arrival times), ending as the exact answer
/// the model gave; a Discord interaction too old for its token is answered through the bot's REST API.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class StreamedAnswerEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);

    private FakeSlackApi _slack = null!;
    private FakeGitHubApi _github = null!;
    private FakeDiscordApi _discord = null!;
    private StreamingHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _github = await FakeGitHubApi.StartAsync();
        _discord = await FakeDiscordApi.StartAsync();
        _host = new StreamingHost(_slack, _github, _discord);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _github.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task SlackMention_AnswerIsStreamedIntoOneMessageAndEndsAsTheModelsAnswer()
    {
        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("Ev-stream-1", "1700000100.000100")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var answer = await AnswerAsync();
        var message = Assert.Single(_slack.Messages);
        var expected = SlackMrkdwn.Render(MarkdownTables.Fence(answer));
        await WaitUntilAsync(() => _slack.Current[message.Ts].Text == expected);
        Assert.True(_slack.Updates.Count >= 2, $"expected an edit before the final one, saw {_slack.Updates.Count}");
        Assert.Equal(expected, _slack.Updates.Last().Text);
        Assert.All(_slack.Updates, u => Assert.Equal(message.Ts, u.Ts));
        AssertPaced(_slack.Requests.Where(r => r.Path.EndsWith("chat.postMessage", StringComparison.Ordinal) || r.Path.EndsWith("chat.update", StringComparison.Ordinal)));
        Assert.Contains("C1/1700000100.000100/eyes", _slack.Reactions);
    }

    [Fact]
    public async Task GitHubComment_AnswerIsStreamedIntoOneCommentAndEndsAsTheModelsAnswer()
    {
        using var signed = _host.CreateSignedClient();
        var delivery = Guid.NewGuid().ToString();
        using var response = await signed.SendAsync(Payloads.GitHub("issue_comment", delivery, Payloads.GitHubComment(55501, number: 12)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var answer = await AnswerAsync();
        var comment = Assert.Single(_github.Comments);
        var expected = answer + "\n\n" + GitHubChatPlatformClient.Marker(delivery, 0);
        await WaitUntilAsync(() => _github.Current[comment.Id].Comment.Body == expected);
        Assert.True(_github.Edits.Count >= 2, $"expected an edit before the final one, saw {_github.Edits.Count}");
        AssertPaced(_github.Requests.Where(r => r.Method is "POST" or "PATCH" && !r.Path.EndsWith("/reactions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DiscordCommand_FreshInteraction_StreamsIntoTheDeferredResponse()
    {
        using var signed = _host.CreateSignedClient();
        var id = Snowflake(DateTimeOffset.UtcNow);
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/discord/interactions", Payloads.DiscordCommand(id, applicationId: FakeDiscordApi.ApplicationId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var answer = await AnswerAsync();
        var original = Assert.Single(_discord.Messages);
        Assert.Equal("original", original.Via);
        await WaitUntilAsync(() => _discord.Edits.LastOrDefault() == $"{original.Id}: {MarkdownTables.Fence(answer)}");
        Assert.All(_discord.Requests, r => Assert.EndsWith($"/webhooks/{FakeDiscordApi.ApplicationId}/tok-{id}/messages/@original", r.Path, StringComparison.Ordinal));
        AssertPaced(_discord.Requests);
    }

    [Fact]
    public async Task DiscordCommand_InteractionOlderThanItsTokenWindow_IsAnsweredThroughTheBotsRestApi()
    {
        using var signed = _host.CreateSignedClient();
        var id = Snowflake(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(20));
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/discord/interactions", Payloads.DiscordCommand(id, channel: "301", applicationId: FakeDiscordApi.ApplicationId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var answer = await AnswerAsync();
        var message = Assert.Single(_discord.Messages);
        Assert.Equal(("channel", "301"), (message.Via, message.ChannelId));
        await WaitUntilAsync(() => (_discord.Edits.LastOrDefault() ?? $"{message.Id}: {message.Content}") == $"{message.Id}: {MarkdownTables.Fence(answer)}");
        Assert.DoesNotContain(_discord.Requests, r => r.Path.Contains("/webhooks/", StringComparison.Ordinal));
        Assert.All(_discord.Requests, r => Assert.Equal("Bot " + FakeDiscordApi.BotToken, r.Header("Authorization")));
    }

    /// <summary>Each request of a streamed reply was sent at least the pace after the answer to the one before it.</summary>
    private static void AssertPaced(IEnumerable<RecordedRequest> requests)
    {
        var list = requests.ToList();
        Assert.NotEmpty(list);
        Assert.All(list.Zip(list.Skip(1)), pair => Assert.True(
            pair.Second.ReceivedAt - pair.First.AnsweredAt >= Pace,
            $"an edit sent {(pair.Second.ReceivedAt - pair.First.AnsweredAt).TotalMilliseconds} ms after the answer to the one before"));
    }

    /// <summary>The answer the model gave, once the inbox has finished with the only event.</summary>
    private async Task<string> AnswerAsync()
    {
        var history = _host.Services.GetRequiredService<IChatHistoryStore>();
        string? answer = null;
        await WaitUntilAsync(async () =>
        {
            var conversation = (await history.ListConversationsAsync(0, 10)).SingleOrDefault();
            var messages = conversation is null ? [] : await history.ListMessagesAsync(conversation.Id);
            answer = messages.Count >= 2 ? messages[^1].Content : null;
            return answer is not null;
        });
        return answer!;
    }

    private static string Snowflake(DateTimeOffset at) =>
        (((ulong)(at.ToUnixTimeMilliseconds() - 1_420_070_400_000)) << 22).ToString(CultureInfo.InvariantCulture);

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the streamed answer never reached the platform");
            await Task.Delay(20);
        }
    }

    private sealed class StreamingHost(FakeSlackApi slack, FakeGitHubApi github, FakeDiscordApi discord) : WebhookHostFactory
    {
        protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [];

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Inbox:ReplyMaxTokens"] = "1500";
            var pace = Pace.ToString("c", CultureInfo.InvariantCulture);
            settings["Connectors:Slack:Enabled"] = "true";
            settings["Connectors:Slack:BotToken"] = FakeSlackApi.BotToken;
            settings["Connectors:Slack:ApiBaseUrl"] = slack.ApiUrl.ToString();
            settings["Connectors:Slack:StreamEditInterval"] = pace;
            settings["Connectors:GitHub:Enabled"] = "true";
            settings["Connectors:GitHub:Token"] = FakeGitHubApi.PersonalToken;
            settings["Connectors:GitHub:ApiBaseUrl"] = github.BaseUrl.ToString();
            settings["Connectors:GitHub:StreamEditInterval"] = pace;
            settings["Connectors:Discord:Enabled"] = "true";
            settings["Connectors:Discord:BotToken"] = FakeDiscordApi.BotToken;
            settings["Connectors:Discord:ApiBaseUrl"] = discord.ApiUrl.ToString();
            settings["Connectors:Discord:StreamEditInterval"] = pace;
        }
    }
}
