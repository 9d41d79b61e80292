using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// GitHub REST calls the bot makes, authenticated by <see cref="GitHubTokenSource"/>. An installation token GitHub
/// refuses (401) is dropped and the call made once more with a fresh one. Thread-safe.
/// </summary>
public sealed class GitHubRestClient(HttpClient http, GitHubTokenSource tokens, IOptions<GitHubApiOptions> options, TimeProvider time)
{
    /// <summary>POST /repos/{owner}/{repo}/issues/{number}/comments; returns the comment id.</summary>
    public async Task<string> CreateIssueCommentAsync(string owner, string repo, string number, string body, string? installationId, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(HttpMethod.Post, $"{Repo(owner, repo)}/issues/{Uri.EscapeDataString(number)}/comments", new JsonObject { ["body"] = body }, installationId, "create comment", cancellationToken);
        return answer.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
            ? id.GetInt64().ToString(CultureInfo.InvariantCulture)
            : throw new ChatPlatformException(ChatPlatform.GitHub, "GitHub answered a new comment without its id.", isTransient: false);
    }

    /// <summary>PATCH /repos/{owner}/{repo}/issues/comments/{id}: edits a comment the bot posted (a streamed answer).</summary>
    public async Task UpdateIssueCommentAsync(string owner, string repo, string commentId, string body, string? installationId, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Patch, $"{Repo(owner, repo)}/issues/comments/{Uri.EscapeDataString(commentId)}", new JsonObject { ["body"] = body }, installationId, "edit comment", cancellationToken);

    /// <summary>
    /// The id of the issue's comment, created or edited since <paramref name="since"/> (first 100), whose body contains
    /// <paramref name="marker"/>; null when there is none.
    /// </summary>
    public async Task<string?> FindIssueCommentAsync(string owner, string repo, string number, string marker, DateTimeOffset since, string? installationId, CancellationToken cancellationToken)
    {
        var query = $"since={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}&per_page=100";
        var answer = await SendAsync(HttpMethod.Get, $"{Repo(owner, repo)}/issues/{Uri.EscapeDataString(number)}/comments?{query}", null, installationId, "list comments", cancellationToken);
        if (answer.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var comment in answer.EnumerateArray())
        {
            if (comment.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String && body.GetString()!.Contains(marker, StringComparison.Ordinal)
                && comment.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number)
            {
                return id.GetInt64().ToString(CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>
    /// Adds a reaction to an issue comment (<paramref name="commentKind"/> "issue"), a pull request review comment
    /// ("review"), or, without a comment id, to the issue or pull request itself.
    /// </summary>
    public async Task AddReactionAsync(string owner, string repo, string number, string? commentId, string? commentKind, string content, string? installationId, CancellationToken cancellationToken)
    {
        var target = commentId is null ? $"issues/{Uri.EscapeDataString(number)}"
            : commentKind == "review" ? $"pulls/comments/{Uri.EscapeDataString(commentId)}"
            : $"issues/comments/{Uri.EscapeDataString(commentId)}";
        await SendAsync(HttpMethod.Post, $"{Repo(owner, repo)}/{target}/reactions", new JsonObject { ["content"] = content }, installationId, "add reaction", cancellationToken);
    }

    /// <summary>GET …/collaborators/{user}/permission: "admin", "maintain", "write", "triage", "read" or "none".</summary>
    public async Task<string> GetCollaboratorPermissionAsync(string owner, string repo, string user, string? installationId, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await SendAsync(HttpMethod.Get, $"{Repo(owner, repo)}/collaborators/{Uri.EscapeDataString(user)}/permission", null, installationId, "get collaborator permission", cancellationToken);
            return answer.TryGetProperty("permission", out var permission) ? permission.GetString() ?? "none" : "none";
        }
        catch (ChatPlatformException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return "none";
        }
    }

    private static string Repo(string owner, string repo) => $"repos/{Uri.EscapeDataString(owner)}/{Uri.EscapeDataString(repo)}";

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonObject? body, string? installationId, string operation, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetTokenAsync(installationId, cancellationToken);
            using var request = GitHubRequests.Create(method, path, token, options.Value, body?.DeepClone().AsObject());
            using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.GitHub, operation, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && options.Value.UsesApp && attempt == 0)
            {
                tokens.Invalidate(installationId);
                continue;
            }

            await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.GitHub, operation, time, cancellationToken);
            return await PlatformCall.ReadJsonAsync(response, ChatPlatform.GitHub, operation, cancellationToken);
        }
    }
}
