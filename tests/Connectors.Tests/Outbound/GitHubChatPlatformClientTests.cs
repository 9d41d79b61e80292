using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class GitHubChatPlatformClientTests : IAsyncLifetime, IDisposable
{
    private static readonly ConversationKey Issue = new(ChatPlatform.GitHub, "octo", "hello-world", "17");

    private readonly OutboundHarness _harness = new();
    private FakeGitHubApi _github = null!;

    public async Task InitializeAsync() => _github = await FakeGitHubApi.StartAsync(time: _harness.Time);

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task SendAsync_PersonalToken_PostsACommentWithGitHubsHeaders()
    {
        var (client, _, _) = _harness.GitHub(_github);

        var delivered = await client.SendAsync(Turns.Reply(Issue, "## Answer\n\n**Markdown** stays `as is`."), CancellationToken.None);

        var comment = Assert.Single(_github.Comments);
        Assert.Equal(("octo", "hello-world", 17, "## Answer\n\n**Markdown** stays `as is`.\n\n<!-- chatcouncil:reply reply-1 -->"), (comment.Owner, comment.Repo, comment.Number, comment.Body));
        Assert.Equal([comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], delivered.MessageIds);
        var request = Assert.Single(_github.Requests);
        Assert.Equal("application/vnd.github+json", request.Header("Accept"));
        Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
        Assert.Equal("ChatCouncil", request.Header("User-Agent"));
        Assert.Equal("Bearer " + FakeGitHubApi.PersonalToken, request.Header("Authorization"));
    }

    [Fact]
    public async Task SendAsync_EnterpriseServer_CallsUnderApiV3()
    {
        await using var enterprise = await FakeGitHubApi.StartAsync("/api/v3", time: _harness.Time);
        var (client, _, _) = _harness.GitHub(enterprise, o => o.ApiBaseUrl = new Uri(enterprise.BaseUrl.AbsoluteUri.TrimEnd('/')));

        await client.SendAsync(Turns.Reply(Issue, "on GHES"), CancellationToken.None);

        Assert.Equal("/api/v3/repos/octo/hello-world/issues/17/comments", Assert.Single(enterprise.Requests).Path);
        Assert.Single(enterprise.Comments);
    }

    [Fact]
    public async Task SendAsync_ContextNamesTheIssue_PostsThere()
    {
        var (client, _, _) = _harness.GitHub(_github);
        var context = new Dictionary<string, string> { ["owner"] = "other", ["repo"] = "repo2", ["number"] = "5" };

        await client.SendAsync(Turns.Reply(Issue, "there", context: context), CancellationToken.None);

        Assert.Equal(("other", "repo2", 5), Assert.Single(_github.Comments) is var c ? (c.Owner, c.Repo, c.Number) : default);
    }

    [Fact]
    public async Task SendAsync_AnswerLongerThanACommentAllows_SplitsIntoComments()
    {
        var (client, _, _) = _harness.GitHub(_github);
        var text = string.Join("\n\n", Enumerable.Range(0, 100).Select(i => $"Section {i}\n" + new string('x', 1500)));

        await client.SendAsync(Turns.Reply(Issue, text), CancellationToken.None);

        Assert.Equal(3, _github.Comments.Count);
        Assert.All(_github.Comments, c => Assert.InRange(c.Body.Length, 1, 65536));
        Assert.Equal(text, string.Join("\n\n", _github.Comments.Select(c => c.Body[..c.Body.LastIndexOf("\n\n<!-- chatcouncil:reply ", StringComparison.Ordinal)])));
        Assert.Equal(["reply-1 -->", "reply-1#1 -->", "reply-1#2 -->"], _github.Comments.Select(c => c.Body.Split("chatcouncil:reply ")[^1]));
    }

    [Fact]
    public async Task SendAsync_SecondaryRateLimit_WaitsAsToldAndPostsOnce()
    {
        var (client, _, _) = _harness.GitHub(_github);
        _github.RateLimitNext(1, TimeSpan.FromSeconds(30));

        await client.SendAsync(Turns.Reply(Issue, "after a pause"), CancellationToken.None);

        Assert.Equal([403, 201], _github.Requests.Select(r => r.Status));
        Assert.Single(_github.Comments);
        Assert.Contains(_harness.Time.Waits, w => w >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SendAsync_SameIdempotencyKeyTwice_CommentsOnce()
    {
        var (client, _, _) = _harness.GitHub(_github);
        var reply = Turns.Reply(Issue, "once");

        await client.SendAsync(reply, CancellationToken.None);
        await client.SendAsync(reply, CancellationToken.None);

        Assert.Single(_github.Comments);
    }

    [Fact]
    public async Task SendAsync_ApprovalToken_EndsWithTheApproveAndRejectCommands()
    {
        var (client, _, _) = _harness.GitHub(_github);

        await client.SendAsync(Turns.Reply(Issue, "Ship it?", context: new Dictionary<string, string> { [ApprovalButtons.ContextKey] = "tok-7" }), CancellationToken.None);

        var body = Assert.Single(_github.Comments).Body;
        Assert.StartsWith("Ship it?", body, StringComparison.Ordinal);
        Assert.Contains("`/approve tok-7`", body, StringComparison.Ordinal);
        Assert.Contains("`/reject tok-7`", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("issue", "issues/comments/991/eyes")]
    [InlineData("review", "pulls/comments/991/eyes")]
    public async Task AcknowledgeAsync_Comment_ReactsWithEyesOnIt(string kind, string expected)
    {
        var (client, _, _) = _harness.GitHub(_github);
        var context = new Dictionary<string, string> { ["owner"] = "octo", ["repo"] = "hello-world", ["number"] = "17", ["comment_id"] = "991", ["comment_kind"] = kind };

        await client.AcknowledgeAsync(Turns.Turn(Issue, context), CancellationToken.None);

        Assert.Equal([expected], _github.Reactions);
    }

    [Fact]
    public async Task AcknowledgeAsync_NoComment_ReactsOnTheIssue()
    {
        var (client, _, _) = _harness.GitHub(_github);

        await client.AcknowledgeAsync(Turns.Turn(Issue, new Dictionary<string, string>()), CancellationToken.None);

        Assert.Equal(["issues/17/eyes"], _github.Reactions);
    }

    [Fact]
    public async Task GetCollaboratorPermissionAsync_KnownAndUnknownUsers_ReturnsTheirPermission()
    {
        var (_, api, _) = _harness.GitHub(_github);
        _github.Permissions["maintainer"] = "admin";

        Assert.Equal("admin", await api.GetCollaboratorPermissionAsync("octo", "hello-world", "maintainer", null, CancellationToken.None));
        Assert.Equal("none", await api.GetCollaboratorPermissionAsync("octo", "hello-world", "stranger", null, CancellationToken.None));
    }
}
