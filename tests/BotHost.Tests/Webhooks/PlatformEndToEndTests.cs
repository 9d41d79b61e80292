using System.Net;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>
/// The whole pipeline with the real platform clients: a signed webhook is stored, answered by the
/// built-in model and posted to the (stand-in) platform API, in the thread, once.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class PlatformEndToEndTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private FakeGitHubApi _github = null!;
    private RealClientsHost _host = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _github = await FakeGitHubApi.StartAsync();
        _host = new RealClientsHost(_slack, _github);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _slack.DisposeAsync();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task SlackMention_IsAnsweredInItsThreadOnce_EvenWhenSlackRetriesTheEvent()
    {
        using var signed = _host.CreateSignedClient();
        var body = Payloads.SlackMention("Ev-e2e-1", "1700000000.000100");
        using (var first = await signed.SendAsync(Payloads.Post("/webhooks/slack/events", body)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var retry = Payloads.Post("/webhooks/slack/events", body);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using (var second = await signed.SendAsync(retry))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        await WaitUntilAsync(() => !_slack.Messages.IsEmpty);
        await Task.Delay(500);
        var posted = Assert.Single(_slack.Messages);
        Assert.Equal("C1", posted.Channel);
        Assert.Equal("1700000000.000100", posted.ThreadTs);
        Assert.False(string.IsNullOrEmpty(posted.Text));
        Assert.All(_slack.RequestsTo("chat.postMessage"), r => Assert.Equal("Bearer " + FakeSlackApi.BotToken, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task SlackRateLimit_IsWaitedOut_AndTheAnswerPostedOnce()
    {
        _slack.RateLimitNext(1, TimeSpan.FromMilliseconds(200));
        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("Ev-e2e-2", "1700000001.000200")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await WaitUntilAsync(() => !_slack.Messages.IsEmpty);
        await Task.Delay(300);
        Assert.Single(_slack.Messages);
        Assert.Contains(_slack.Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task GitHubIssueComment_IsAnsweredOnTheIssueWithTheToken()
    {
        using var signed = _host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.GitHub("issue_comment", Guid.NewGuid().ToString(), Payloads.GitHubComment(98765, number: 42)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await WaitUntilAsync(() => !_github.Comments.IsEmpty);
        var comment = Assert.Single(_github.Comments);
        Assert.Equal(("acme", "app", 42), (comment.Owner, comment.Repo, comment.Number));
        Assert.Equal(FakeGitHubApi.PersonalToken, comment.Token);
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

    private sealed class RealClientsHost(FakeSlackApi slack, FakeGitHubApi github) : WebhookHostFactory
    {
        protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [];

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Webhooks:Discord:Enabled"] = "false"; // no Discord replies here
            settings["Connectors:Slack:Enabled"] = "true";
            settings["Connectors:Slack:BotToken"] = FakeSlackApi.BotToken;
            settings["Connectors:Slack:ApiBaseUrl"] = slack.ApiUrl.ToString();
            settings["Connectors:GitHub:Enabled"] = "true";
            settings["Connectors:GitHub:Token"] = FakeGitHubApi.PersonalToken;
            settings["Connectors:GitHub:ApiBaseUrl"] = github.BaseUrl.ToString();
        }
    }
}
