using System.Net;
using System.Text.RegularExpressions;
using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>
/// GitHub end to end: the request is an issue comment ending with the /approve and /reject commands; a signed
/// issue_comment that starts with one (after an @mention) decides and is answered on the issue. The token answers
/// only on the issue it was posted to.
/// </summary>
public sealed partial class GitHubApprovalTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    [Fact]
    public async Task ApproveComment_WithMention_IsRecordedDeliveredAndAnsweredOnTheIssue()
    {
        var (id, token) = await AskAsync(42);
        var waiting = host.Approvals.WaitForDecisionAsync(id, CancellationToken.None);

        await CommentAsync(42, $"@chatcouncil  /approve {token}\nLooks good.", "bob", 7001);

        var decided = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((ApprovalStatus.Approved, ChatPlatform.GitHub, "7001", "bob"),
            (decided.Status, decided.Decision!.Platform, decided.Decision.UserId, decided.Decision.UserName));
        await AnswerAsync(42, "Approved by bob: Merge release 2.0");
        var request = host.GitHub.Comments.First(c => c.Number == 42);
        var closed = await ApprovalHost.EventuallyAsync(() => host.GitHub.Edits.FirstOrDefault(e => e.Id == request.Id), "the commands replaced");
        Assert.Contains("Approved by bob at ", closed.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(token, closed.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectComment_AfterAnApproval_IsToldWhoDecided()
    {
        var (id, token) = await AskAsync(43);
        await CommentAsync(43, $"/approve {token}", "bob", 7001);
        await AnswerAsync(43, "Approved by bob");

        await CommentAsync(43, $"/reject {token}", "eve", 7002);

        await AnswerAsync(43, "Already approved by bob at ");
        Assert.Equal(ApprovalStatus.Approved, (await host.Host.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ApproveComment_OnAnotherIssue_IsRefused_AndTheRequestStaysPending()
    {
        var (id, token) = await AskAsync(44);

        await CommentAsync(45, $"/approve {token}", "bob", 7001);

        await AnswerAsync(45, "This approval belongs to another conversation");
        Assert.Equal(ApprovalStatus.Pending, (await host.Host.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task CommentMentioningApproveLater_IsAnsweredByTheChatModel_NotTakenAsADecision()
    {
        var (id, token) = await AskAsync(46);

        await CommentAsync(46, $"what happens if I /approve {token}?", "bob", 7001);

        await ApprovalHost.EventuallyAsync(() => host.GitHub.Comments.Count(c => c.Number == 46) >= 2 ? "answered" : null, "the chat model's answer");
        Assert.Equal(ApprovalStatus.Pending, (await host.Host.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None))!.Status);
    }

    private async Task<(Guid Id, string Token)> AskAsync(int number)
    {
        var request = await host.Approvals.RequestAsync(
            new NewApproval(new ConversationKey(ChatPlatform.GitHub, "acme", "app", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                "Merge release 2.0", "release-agent"), CancellationToken.None);
        var posted = Assert.Single(host.GitHub.Comments, c => c.Number == number);
        var approve = ApproveCommand().Match(posted.Body);
        var reject = RejectCommand().Match(posted.Body);
        Assert.True(approve.Success && reject.Success, posted.Body);
        var token = approve.Groups[1].Value;
        Assert.Equal(token, reject.Groups[1].Value);
        Assert.True(ApprovalToken.TryParse(token, out var tokenId, out _));
        Assert.Equal(request.Id, tokenId);
        return (request.Id, token);
    }

    private async Task CommentAsync(int number, string body, string login, long userId)
    {
        using var signed = host.Host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.GitHub("issue_comment", Guid.NewGuid().ToString(),
            ApprovalPayloads.GitHubComment(Random.Shared.NextInt64(1, long.MaxValue), number, body, login, userId)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<GitHubPostedComment> AnswerAsync(int number, string startsWith) =>
        ApprovalHost.EventuallyAsync(
            () => host.GitHub.Comments.FirstOrDefault(c => c.Number == number && c.Body.StartsWith(startsWith, StringComparison.Ordinal)),
            $"a comment starting '{startsWith}' on #{number}");

    [GeneratedRegex(@"`/approve ([^`\s]+)`")]
    private static partial Regex ApproveCommand();

    [GeneratedRegex(@"`/reject ([^`\s]+)`")]
    private static partial Regex RejectCommand();
}
