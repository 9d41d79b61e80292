using System.Globalization;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>
/// Signs webhook requests the way Slack, Discord and GitHub do, chosen by path. A request that already carries a
/// signature is left alone (for bad-signature tests); one that carries only a timestamp is signed with it (stale).
/// </summary>
public sealed class PlatformSigningHandler(string slackSecret, DiscordTestKey discordKey, string gitHubSecret) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (path.StartsWith("/webhooks/slack/", StringComparison.Ordinal) && !request.Headers.Contains(SlackSignatureVerifier.SignatureHeader))
        {
            var timestamp = Header(request, SlackSignatureVerifier.TimestampHeader) ?? now;
            request.Headers.Remove(SlackSignatureVerifier.TimestampHeader);
            request.Headers.Add(SlackSignatureVerifier.TimestampHeader, timestamp);
            request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Sign(slackSecret, timestamp, body));
        }
        else if (path == "/webhooks/discord/interactions" && !request.Headers.Contains(DiscordSignatureVerifier.SignatureHeader))
        {
            var timestamp = Header(request, DiscordSignatureVerifier.TimestampHeader) ?? now;
            request.Headers.Remove(DiscordSignatureVerifier.TimestampHeader);
            request.Headers.Add(DiscordSignatureVerifier.TimestampHeader, timestamp);
            request.Headers.Add(DiscordSignatureVerifier.SignatureHeader, discordKey.Sign(timestamp, body));
        }
        else if (path == "/webhooks/github" && !request.Headers.Contains(GitHubSignatureVerifier.SignatureHeader))
        {
            request.Headers.Add(GitHubSignatureVerifier.SignatureHeader, GitHubSignatureVerifier.Sign(gitHubSecret, body));
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
