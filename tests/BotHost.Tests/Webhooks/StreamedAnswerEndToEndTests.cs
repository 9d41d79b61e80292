using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.History;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Outbound;
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
    public async Task SlackMention_AnswerIsStreamedIntoItsFirstMessageAndEndsAsTheModelsAnswer()
    {
        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("Ev-stream-1", "1700000100.000100")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var expected = MessageSplitter.Split(SlackMrkdwn.Render(MarkdownTables.Fence(await AnswerAsync())), 3000);
        await WaitUntilAsync(() => _slack.Messages.Select(m => _slack.Current[m.Ts].Text).SequenceEqual(expected));
        var first = _slack.Messages.First();
        var edits = _slack.Updates.Where(u => u.Ts == first.Ts).ToList();
        Assert.Equal(_slack.Updates.Count, edits.Count);
        Assert.Equal(expected[0], edits[^1].Text);
        AssertPaced(_slack.Requests.Where(r => r.Path.EndsWith("chat.update", StringComparison.Ordinal)).Prepend(_slack.RequestsTo("chat.postMessage")[0]));
        Assert.Contains("C1/1700000100.000100/eyes", _slack.Reactions);
    }

    [Fact]
    public async Task SlackMention_NoPace_EveryTokenAfterTheFirstEditsTheMessageAndTheLastEditIsTheAnswer()
    {
        // Whether edits fall between tokens at a real pace depends on how fast the model is; without one, each does.
        await using var host = new StreamingHost(_slack, _github, _discord, TimeSpan.Zero);
        using var signed = host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("Ev-stream-2", "1700000300.000100")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var expected = MessageSplitter.Split(SlackMrkdwn.Render(MarkdownTables.Fence(await AnswerAsync(host))), 3000);
        await WaitUntilAsync(() => _slack.Messages.Select(m => _slack.Current[m.Ts].Text).SequenceEqual(expected));
        var first = _slack.Messages.First();
        var edits = _slack.Updates.Select(u => u.Text!).ToList();
        Assert.True(edits.Count >= 2, $"expected edits before the final one, saw {edits.Count}");
        Assert.All(_slack.Updates, u => Assert.Equal(first.Ts, u.Ts));
        Assert.Equal(expected[0], edits[^1]);
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
        var expected = MessageSplitter.Split(answer, 60_000).Single() + "\n\n" + GitHubChatPlatformClient.Marker(delivery, 0);
        await WaitUntilAsync(() => _github.Current[comment.Id].Comment.Body == expected, () => $"comment {_github.Current[comment.Id].Comment.Body.Length} chars, expected {expected.Length}");
        Assert.NotEmpty(_github.Edits);
        AssertPaced(_github.Requests.Where(r => r.Method is "POST" or "PATCH" && !r.Path.EndsWith("/reactions", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DiscordCommand_FreshInteraction_StreamsIntoTheDeferredResponse()
    {
        using var signed = _host.CreateSignedClient();
        var id = Payloads.FreshDiscordId();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/discord/interactions", Payloads.DiscordCommand(id, applicationId: FakeDiscordApi.ApplicationId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var expected = MessageSplitter.Split(MarkdownTables.Fence(await AnswerAsync()), 2000);
        await WaitUntilAsync(() => DiscordContents().SequenceEqual(expected));
        var original = _discord.Messages.First();
        Assert.Equal("original", original.Via);
        Assert.All(_discord.Messages.Skip(1), m => Assert.Equal("followup", m.Via));
        Assert.NotEmpty(_discord.Edits);
        Assert.All(_discord.Edits, e => Assert.StartsWith(original.Id + ": ", e, StringComparison.Ordinal));
        Assert.All(_discord.Requests, r => Assert.Contains($"/webhooks/{FakeDiscordApi.ApplicationId}/tok-{id}", r.Path, StringComparison.Ordinal));
        AssertPaced(_discord.Requests.Where(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task DiscordCommand_InteractionOlderThanItsTokenWindow_IsAnsweredThroughTheBotsRestApi()
    {
        using var signed = _host.CreateSignedClient();
        var id = Payloads.DiscordId(DateTimeOffset.UtcNow - TimeSpan.FromMinutes(20));
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/discord/interactions", Payloads.DiscordCommand(id, channel: "301", applicationId: FakeDiscordApi.ApplicationId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var expected = MessageSplitter.Split(MarkdownTables.Fence(await AnswerAsync()), 2000);
        await WaitUntilAsync(() => DiscordContents().SequenceEqual(expected));
        Assert.All(_discord.Messages, m => Assert.Equal(("channel", "301"), (m.Via, m.ChannelId)));
        Assert.DoesNotContain(_discord.Requests, r => r.Path.Contains("/webhooks/", StringComparison.Ordinal));
        Assert.All(_discord.Requests, r => Assert.Equal("Bot " + FakeDiscordApi.BotToken, r.Header("Authorization")));
    }

    /// <summary>The text each Discord message shows now: its latest edit, else what it was posted with.</summary>
    private IEnumerable<string?> DiscordContents() =>
        _discord.Messages.Select(m => _discord.Edits.LastOrDefault(e => e.StartsWith(m.Id + ": ", StringComparison.Ordinal)) is { } edit
            ? edit[(m.Id.Length + 2)..]
            : m.Content);

    [Fact]
    public async Task SlackMention_ACrashLeftItsFirstPostUnrecorded_EditsThatMessageInsteadOfPostingAgain()
    {
        // What a process killed between chat.postMessage and writing down its ts leaves: the post begun in the outbox,
        // and the message, marked with the event id, in the thread.
        await _host.Services.GetRequiredService<IReplyOutbox>().BeginPostAsync(ChatPlatform.Slack, "Ev-crash-1", 0, CancellationToken.None);
        var orphan = await PostToFakeAsync(_slack.ApiUrl, "chat.postMessage", "Bearer " + FakeSlackApi.BotToken, new
        {
            channel = "C1", thread_ts = "1700000200.000100", text = "partial answer",
            metadata = new { event_type = "chatcouncil_reply", event_payload = new { key = "Ev-crash-1", piece = 0 } },
        });
        var ts = orphan.GetProperty("ts").GetString()!;

        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("Ev-crash-1", "1700000200.000100")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var expected = MessageSplitter.Split(SlackMrkdwn.Render(MarkdownTables.Fence(await AnswerAsync())), 3000);
        await WaitUntilAsync(() => _slack.Messages.Select(m => _slack.Current[m.Ts].Text).SequenceEqual(expected),
            () => $"messages: {string.Join(" | ", _slack.Messages.Select(m => $"{m.Ts}: {_slack.Current[m.Ts].Text?.Length}"))}; expected {expected.Count} pieces; requests {string.Join(", ", _slack.Requests.Select(r => $"{r.Path}{r.Query} {r.Status}"))}");
        Assert.Equal(ts, _slack.Messages.First().Ts);
        Assert.Equal(expected.Count, _slack.Messages.Count);
        Assert.Single(_slack.RequestsTo("conversations.replies"));
    }

    [Fact]
    public async Task GitHubComment_ACrashLeftItsFirstPostUnrecorded_EditsThatCommentInsteadOfPostingAgain()
    {
        var delivery = Guid.NewGuid().ToString();
        await _host.Services.GetRequiredService<IReplyOutbox>().BeginPostAsync(ChatPlatform.GitHub, delivery, 0, CancellationToken.None);
        var orphan = await PostToFakeAsync(_github.BaseUrl, "repos/acme/app/issues/12/comments", "Bearer " + FakeGitHubApi.PersonalToken, new
        {
            body = "partial answer\n\n" + GitHubChatPlatformClient.Marker(delivery, 0),
        });
        var id = orphan.GetProperty("id").GetInt64();

        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.GitHub("issue_comment", delivery, Payloads.GitHubComment(55502, number: 12)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var expected = MessageSplitter.Split(await AnswerAsync(), 60_000).Single() + "\n\n" + GitHubChatPlatformClient.Marker(delivery, 0);
        await WaitUntilAsync(() => _github.Current[id].Comment.Body == expected);
        Assert.Equal([id], _github.Comments.Select(c => c.Id));
    }

    private static async Task<JsonElement> PostToFakeAsync(Uri baseUrl, string path, string authorization, object body)
    {
        using var http = new HttpClient { BaseAddress = baseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", "test");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
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
    private Task<string> AnswerAsync() => AnswerAsync(_host);

    private static async Task<string> AnswerAsync(StreamingHost host)
    {
        var history = host.Services.GetRequiredService<IChatHistoryStore>();
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

    private static Task WaitUntilAsync(Func<bool> condition, Func<string>? state = null) => WaitUntilAsync(() => Task.FromResult(condition()), state);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the streamed answer never reached the platform; " + state?.Invoke());
            await Task.Delay(20);
        }
    }

    private sealed class StreamingHost(FakeSlackApi slack, FakeGitHubApi github, FakeDiscordApi discord, TimeSpan? pace = null) : WebhookHostFactory
    {
        protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [];

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Inbox:ReplyMaxTokens"] = "800";
            var interval = (pace ?? Pace).ToString("c", CultureInfo.InvariantCulture);
            settings["Connectors:Slack:Enabled"] = "true";
            settings["Connectors:Slack:BotToken"] = FakeSlackApi.BotToken;
            settings["Connectors:Slack:ApiBaseUrl"] = slack.ApiUrl.ToString();
            settings["Connectors:Slack:StreamEditInterval"] = interval;
            settings["Connectors:GitHub:Enabled"] = "true";
            settings["Connectors:GitHub:Token"] = FakeGitHubApi.PersonalToken;
            settings["Connectors:GitHub:ApiBaseUrl"] = github.BaseUrl.ToString();
            settings["Connectors:GitHub:StreamEditInterval"] = interval;
            settings["Connectors:Discord:Enabled"] = "true";
            settings["Connectors:Discord:BotToken"] = FakeDiscordApi.BotToken;
            settings["Connectors:Discord:ApiBaseUrl"] = discord.ApiUrl.ToString();
            settings["Connectors:Discord:StreamEditInterval"] = interval;
        }
    }
}
