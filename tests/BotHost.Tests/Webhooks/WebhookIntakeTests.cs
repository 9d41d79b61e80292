using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>What each route answers for each kind of verified request, and that every accepted turn is answered once.</summary>
public sealed class WebhookIntakeTests(WebhookHostFactory host) : IClassFixture<WebhookHostFactory>
{
    private readonly HttpClient _client = host.CreateSignedClient();

    [Fact]
    public async Task SlackEvents_UrlVerification_AnswersTheChallenge()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/slack/events",
            """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SlackEvents_Mention_IsAcknowledgedAndAnsweredInItsThread()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/slack/events",
            Payloads.SlackMention("EvThread", "1700000100.000100", thread: "1700000000.000100", channel: "CTHREAD")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Recorder.WaitForAsync("EvThread");
        var reply = Assert.Single(host.Recorder.For("EvThread"));
        Assert.Equal("slack:T1:CTHREAD:1700000000.000100", reply.Key.Value);
        Assert.Equal("1700000000.000100", reply.ReplyContext["thread_ts"]);
        Assert.Contains(host.Recorder.Acknowledged, t => t.EventId == "EvThread");
    }

    [Fact]
    public async Task SlackEvents_RetriedThreeTimes_IsAnsweredOnce()
    {
        for (var retry = 0; retry < 4; retry++)
        {
            using var request = Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("EvRetry", "1700000200.000100", channel: "CRETRY"));
            if (retry > 0)
            {
                request.Headers.Add("X-Slack-Retry-Num", retry.ToString(System.Globalization.CultureInfo.InvariantCulture));
                request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
            }

            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A later turn of the same thread is answered only after every earlier one, so a duplicate would show by now.
        using var later = await _client.SendAsync(Payloads.Post("/webhooks/slack/events",
            Payloads.SlackMention("EvRetryLater", "1700000201.000100", thread: "1700000200.000100", channel: "CRETRY")));
        await host.Recorder.WaitForAsync("EvRetryLater");
        Assert.Single(host.Recorder.For("EvRetry"));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("Slack retry 3 (http_timeout) of event EvRetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlackEvents_OneMessageUnderTwoEventIds_IsAnsweredOnce()
    {
        // Slack sends app_mention and message for one message, and has been seen re-sending one message under new ids.
        using var first = await _client.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("EvTwinA", "1700000300.000100", channel: "CTWIN")));
        using var second = await _client.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("EvTwinB", "1700000300.000100", channel: "CTWIN")));
        using var later = await _client.SendAsync(Payloads.Post("/webhooks/slack/events",
            Payloads.SlackMention("EvTwinLater", "1700000301.000100", thread: "1700000300.000100", channel: "CTWIN")));

        await host.Recorder.WaitForAsync("EvTwinLater");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(host.Recorder.For("EvTwinA"));
        Assert.Empty(host.Recorder.For("EvTwinB"));
    }

    [Fact]
    public async Task SlackEvents_BotsOwnMessage_IsAcknowledgedButNeverAnswered()
    {
        var own = Payloads.SlackMention("EvOwn", "1700000400.000100", channel: "COWN").Replace("\"user\":\"U1\"", "\"user\":\"UBOT\"", StringComparison.Ordinal);

        using var response = await _client.SendAsync(Payloads.Post("/webhooks/slack/events", own));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("Slack webhook ignored: The bot's own message.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlackEvents_UnknownEventType_Is200AndLogged()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/slack/events",
            """{"type":"event_callback","team_id":"T1","event_id":"EvPin","event":{"type":"pin_added","user":"U1"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("Slack event type 'pin_added' is not handled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlackCommands_Command_IsAcknowledgedAndAnswered()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/slack/commands", Payloads.SlackCommandForm("trigger-1"), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Recorder.WaitForAsync("command:trigger-1");
        Assert.Equal("https://hooks.slack.com/commands/T1/1/x", host.Recorder.For("command:trigger-1")[0].ReplyContext["response_url"]);
    }

    [Fact]
    public async Task SlackCommands_SslCheck_Is200()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/slack/commands", "ssl_check=1&token=x", "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SlackInteractions_ButtonClick_IsAnsweredInTheMessagesThread()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/slack/interactions", Payloads.SlackButtonForm("1700000500.000100"), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var eventId = "action:C1:1700000000.000100:approve:U1:1700000500.000100";
        await host.Recorder.WaitForAsync(eventId);
        Assert.Equal("req-1", host.Recorder.For(eventId)[0].ReplyContext["value"]);
    }

    [Fact]
    public async Task DiscordInteractions_Ping_AnswersPong()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/discord/interactions",
            """{"type":1,"id":"1","application_id":"100","token":"t","version":1}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task DiscordInteractions_Command_AnswersDeferredThenReplies()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/discord/interactions", Payloads.DiscordCommand("910000000000000001")));

        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetInt32());
        await host.Recorder.WaitForAsync("910000000000000001");
        Assert.Equal("tok-910000000000000001", host.Recorder.For("910000000000000001")[0].ReplyContext["interaction_token"]);
    }

    [Fact]
    public async Task DiscordInteractions_Button_AnswersDeferredUpdate()
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/discord/interactions", Payloads.DiscordButton("910000000000000002")));

        Assert.Equal(6, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetInt32());
        await host.Recorder.WaitForAsync("910000000000000002");
    }

    [Fact]
    public async Task GitHub_Ping_Is200AndStoresNothing()
    {
        using var response = await _client.SendAsync(Payloads.GitHub("ping", Guid.NewGuid().ToString(), """{"zen":"Keep it logically awesome.","hook_id":1}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GitHub_Redelivery_IsAnsweredOnce()
    {
        var delivery = Guid.NewGuid().ToString();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.SendAsync(Payloads.GitHub("issue_comment", delivery, Payloads.GitHubComment(7001, number: 71)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var later = Guid.NewGuid().ToString();
        using var follow = await _client.SendAsync(Payloads.GitHub("issue_comment", later, Payloads.GitHubComment(7002, number: 71)));
        await host.Recorder.WaitForAsync(later);
        Assert.Single(host.Recorder.For(delivery));
        Assert.Equal("github:acme:app:71", host.Recorder.For(delivery)[0].Key.Value);
    }

    [Fact]
    public async Task GitHub_BotComment_IsIgnored()
    {
        using var response = await _client.SendAsync(Payloads.GitHub("issue_comment", Guid.NewGuid().ToString(),
            Payloads.GitHubComment(7003, login: "chatcouncil[bot]", type: "Bot")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("GitHub webhook ignored: A bot's comment.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GitHub_UnknownEvent_Is200AndLogged()
    {
        using var response = await _client.SendAsync(Payloads.GitHub("star", Guid.NewGuid().ToString(), """{"action":"created"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("GitHub event 'star' is not handled", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string> MalformedRequests => new()
    {
        { "/webhooks/slack/events", "{\"type\":\"event_callback\",", "application/json" },
        { "/webhooks/slack/events", "{\"type\":\"event_callback\",\"event\":{}}", "application/json" },
        { "/webhooks/slack/commands", "command=%2Fcouncil&text=hi", "application/x-www-form-urlencoded" },
        { "/webhooks/slack/interactions", "payload=%7Bnot-json", "application/x-www-form-urlencoded" },
        { "/webhooks/slack/interactions", "nopayload=1", "application/x-www-form-urlencoded" },
        { "/webhooks/discord/interactions", "{\"type\":2}", "application/json" },
        { "/webhooks/discord/interactions", "[]", "application/json" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task Post_SignedButMalformed_Is400(string path, string body, string mediaType)
    {
        using var response = await _client.SendAsync(Payloads.Post(path, body, mediaType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("issue_comment", "{\"action\":\"created\",")]
    [InlineData("issue_comment", "{\"action\":\"created\",\"comment\":{\"id\":1}}")]
    [InlineData(null, "{}")]
    public async Task GitHub_SignedButMalformed_Is400(string? eventName, string body)
    {
        using var request = Payloads.Post("/webhooks/github", body);
        if (eventName is not null)
        {
            request.Headers.Add("X-GitHub-Event", eventName);
        }

        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/webhooks/slack/events")]
    [InlineData("/webhooks/slack/commands")]
    [InlineData("/webhooks/slack/interactions")]
    [InlineData("/webhooks/discord/interactions")]
    [InlineData("/webhooks/github")]
    public async Task Post_BodyOverTheLimit_Is413(string path)
    {
        var body = "{\"padding\":\"" + new string('x', WebhookHostFactory.MaxBodyBytes) + "\"}";

        using var response = await _client.SendAsync(Payloads.Post(path, body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Is413()
    {
        var body = "{\"padding\":\"" + new string('x', WebhookHostFactory.MaxBodyBytes) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/github", UriKind.Relative))
        {
            Content = new UnknownLengthContent(System.Text.Encoding.UTF8.GetBytes(body)),
        };
        using var client = host.CreateClient();

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A body sent without Content-Length, so the limit must be enforced while reading.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
