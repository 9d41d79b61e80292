using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>Every webhook route refuses requests that the platform did not sign, or signed too long ago, with 401.</summary>
public sealed class WebhookSignatureTests(WebhookHostFactory host) : IClassFixture<WebhookHostFactory>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "/webhooks/slack/events", Payloads.SlackMention("EvSig", "1700000000.000100") },
        { "/webhooks/slack/interactions", Payloads.SlackButtonForm("1700000001.000100") },
        { "/webhooks/slack/commands", Payloads.SlackCommandForm("trigger-sig") },
        { "/webhooks/discord/interactions", Payloads.DiscordCommand("900000000000000001") },
        { "/webhooks/github", Payloads.GitHubComment(900) },
    };

    public static TheoryData<string, string> TimestampedRoutes => new()
    {
        { "/webhooks/slack/events", Payloads.SlackMention("EvStale", "1700000000.000200") },
        { "/webhooks/slack/interactions", Payloads.SlackButtonForm("1700000001.000200") },
        { "/webhooks/slack/commands", Payloads.SlackCommandForm("trigger-stale") },
        { "/webhooks/discord/interactions", Payloads.DiscordCommand("900000000000000002") },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Post_NoSignature_Is401(string path, string body)
    {
        using var client = host.CreateClient();

        using var response = await client.SendAsync(WithEvent(Payloads.Post(path, body, MediaType(path))));

        await AssertUnauthorizedAsync(response, "missing");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Post_SignatureOfAnotherSecret_Is401(string path, string body)
    {
        using var client = host.CreateDefaultClient(new PlatformSigningHandler("not-the-secret", new DiscordTestKey(), "not-the-secret"));
        using var request = WithEvent(Payloads.Post(path, body, MediaType(path)));

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedAsync(response, "mismatch");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Post_BodyChangedAfterSigning_Is401(string path, string body)
    {
        using var client = host.CreateClient();
        using var request = WithEvent(Payloads.Post(path, body, MediaType(path)));
        var timestamp = Payloads.UnixSeconds(DateTimeOffset.UtcNow);
        var signedBody = System.Text.Encoding.UTF8.GetBytes(body + " ");
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(WebhookHostFactory.SlackSecret, timestamp, signedBody));
        request.Headers.Add(DiscordSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(DiscordSignatureVerifier.SignatureHeader, host.DiscordKey.Sign(timestamp, signedBody));
        request.Headers.Add(GitHubSignatureVerifier.SignatureHeader, GitHubSignatureVerifier.Sign(WebhookHostFactory.GitHubSecret, signedBody));

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedAsync(response, "mismatch");
    }

    [Theory]
    [MemberData(nameof(TimestampedRoutes))]
    public async Task Post_SignedSixMinutesAgo_Is401Stale(string path, string body)
    {
        using var client = host.CreateSignedClient();
        using var request = Payloads.Post(path, body, MediaType(path));
        var old = Payloads.UnixSeconds(DateTimeOffset.UtcNow.AddMinutes(-6));
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, old);
        request.Headers.Add(DiscordSignatureVerifier.TimestampHeader, old);

        using var response = await client.SendAsync(request);

        await AssertUnauthorizedAsync(response, "stale");
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Post_SignedByThePlatform_IsAcknowledged(string path, string body)
    {
        using var client = host.CreateSignedClient();

        using var response = await client.SendAsync(WithEvent(Payloads.Post(path, body, MediaType(path))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_RefusedSignatures_NeverLogTheSecrets()
    {
        using var client = host.CreateClient();
        using var response = await client.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("EvLog", "1700000000.000300")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("signature Missing", StringComparison.Ordinal));
        Assert.DoesNotContain(WebhookHostFactory.SlackSecret, host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookHostFactory.GitHubSecret, host.Logs.AllText, StringComparison.Ordinal);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string verification)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains($"signature is {verification}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string MediaType(string path) =>
        path is "/webhooks/slack/interactions" or "/webhooks/slack/commands" ? "application/x-www-form-urlencoded" : "application/json";

    private static HttpRequestMessage WithEvent(HttpRequestMessage request)
    {
        if (request.RequestUri!.OriginalString == "/webhooks/github")
        {
            request.Headers.Add("X-GitHub-Event", "issue_comment");
            request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        }

        return request;
    }
}
