using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>Events that fail every attempt land on the dead-letter list; an operator replays them over REST.</summary>
public sealed class DeadLetterTests(DeadLetterTests.NoDiscordClientHost host) : IClassFixture<DeadLetterTests.NoDiscordClientHost>
{
    private static readonly Uri DeadLetters = new("/inbox/dead-letters", UriKind.Relative);

    [Fact]
    public async Task FailingPlatform_AfterEveryAttempt_IsDeadLetteredThenReplayedAndAnsweredOnce()
    {
        using var signed = host.CreateSignedClient();
        using var admin = await host.CreateClientWithScopeAsync(Scopes.Admin);
        var github = host.Clients[ChatPlatform.GitHub];
        github.Failing = true;
        var delivery = Guid.NewGuid().ToString();

        using var accepted = await signed.SendAsync(Payloads.GitHub("issue_comment", delivery, Payloads.GitHubComment(8001, number: 81)));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var letter = await WaitForDeadLetterAsync(admin, delivery);
        Assert.Equal("gitHub", letter.GetProperty("platform").GetString());
        Assert.Equal(3, letter.GetProperty("attempts").GetInt32());
        Assert.Equal("github:acme:app:81", letter.GetProperty("conversationKey").GetString());
        Assert.Contains("The fake GitHub API is down.", letter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Recorder.For(delivery));

        github.Failing = false;
        using var replay = await admin.PostAsync(new Uri($"/inbox/dead-letters/{letter.GetProperty("id").GetInt64()}/replay", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await host.Recorder.WaitForAsync(delivery);
        Assert.Single(host.Recorder.For(delivery));
        Assert.DoesNotContain(await ListAsync(admin), l => l.GetProperty("eventId").GetString() == delivery);
    }

    [Fact]
    public async Task EventStoredBeforeItsConnectorWasTurnedOff_IsDeadLetteredNamingTheSetting()
    {
        // The start-up check keeps a Discord webhook off while Discord cannot answer, so the only way such an event
        // is left is from an earlier run that had the connector on: stored, then the host restarted without it.
        using var admin = await host.CreateClientWithScopeAsync(Scopes.Admin);
        var stored = DiscordInteractionParser.Parse(Encoding.UTF8.GetBytes(Payloads.DiscordCommand("920000000000000001"))).Turn!;

        await host.Services.GetRequiredService<InboxIntake>().AcceptAsync(stored, CancellationToken.None);

        var letter = await WaitForDeadLetterAsync(admin, "920000000000000001");
        Assert.Contains("set Connectors:Discord:Enabled to true", letter.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_UnknownId_Is404()
    {
        using var admin = await host.CreateClientWithScopeAsync(Scopes.Admin);

        using var response = await admin.PostAsync(new Uri("/inbox/dead-letters/987654321/replay", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/inbox/dead-letters")]
    [InlineData("POST", "/inbox/dead-letters/1/replay")]
    public async Task DeadLetterRoutes_ChatKey_Is403AndNoKeyIs401(string method, string path)
    {
        using var chat = await host.CreateClientWithScopeAsync(Scopes.Chat);
        using var anonymous = host.CreateClient();

        using var forbidden = await chat.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
        using var unauthorized = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task ListDeadLetters_LimitOutOfRange_Is400(int limit)
    {
        using var admin = await host.CreateClientWithScopeAsync(Scopes.Admin);

        using var response = await admin.GetAsync(new Uri($"/inbox/dead-letters?limit={limit}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<JsonElement> WaitForDeadLetterAsync(HttpClient admin, string eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var match = (await ListAsync(admin)).FirstOrDefault(l => l.GetProperty("eventId").GetString() == eventId);
            if (match.ValueKind == JsonValueKind.Object)
            {
                return match;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{eventId} never reached the dead-letter list.");
        return default;
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>(DeadLetters)).EnumerateArray()];

    /// <summary>Recording clients for Slack and GitHub only: Discord events have nowhere to go (and its webhook is off).</summary>
    public sealed class NoDiscordClientHost : WebhookHostFactory
    {
        protected override IReadOnlyList<ChatPlatform> ClientPlatforms => [ChatPlatform.Slack, ChatPlatform.GitHub];

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Webhooks:Discord:Enabled"] = "false";
        }
    }
}
