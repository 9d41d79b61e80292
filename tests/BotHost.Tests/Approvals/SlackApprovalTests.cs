using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>
/// Slack end to end: POST /approvals posts Block Kit buttons carrying the token; a signed block_actions click decides,
/// wakes the waiter and is answered in the thread; replays, second clicks, forged or misplaced tokens and late clicks
/// decide nothing. Each test uses a channel of its own.
/// </summary>
public sealed class SlackApprovalTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    private const string Thread = "1700000000.000100";

    [Fact]
    public async Task Click_OnPostedButton_IsRecordedDeliveredToTheWaiterAndAnsweredInTheThread()
    {
        var (id, token, posted) = await AskAsync("C-approve");
        var waiting = host.Approvals.WaitForDecisionAsync(id, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        await ClickAsync("approve", token, "C-approve", posted.Ts, "U1", "alice", "1700000100.000001");

        var decided = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ApprovalStatus.Approved, decided.Status);
        Assert.Equal((ApprovalAction.Approve, ChatPlatform.Slack, "U1", "alice"),
            (decided.Decision!.Action, decided.Decision.Platform, decided.Decision.UserId, decided.Decision.UserName));
        var answer = await AnswerAsync("C-approve", "Approved by alice");
        Assert.Equal(Thread, answer.ThreadTs);
        Assert.Equal("Approved by alice: Deploy v2 to production", answer.Text);
        Assert.DoesNotContain(token, answer.Text, StringComparison.Ordinal);
        var closed = await ApprovalHost.EventuallyAsync(() => host.Slack.Updates.FirstOrDefault(u => u.Ts == posted.Ts), "the buttons replaced");
        Assert.Contains("Approved by alice at ", closed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Blocks!.Value.EnumerateArray(), b => b.GetProperty("type").GetString() == "actions");
    }

    [Fact]
    public async Task Click_ReplayedAndThenBySecondUser_DecidesNothingMore_AndTheSecondIsToldWhoDecided()
    {
        var (id, token, posted) = await AskAsync("C-replay");
        var body = ApprovalPayloads.SlackClick("reject", token, "C-replay", posted.Ts, Thread, "U1", "alice", "1700000100.000002");
        await PostAsync(body);
        await AnswerAsync("C-replay", "Rejected by alice");

        await PostAsync(body);
        await ClickAsync("approve", token, "C-replay", posted.Ts, "U2", "bob", "1700000100.000003");

        var refusal = await AnswerAsync("C-replay", "Already rejected by alice at ");
        Assert.EndsWith("; nothing changed: Deploy v2 to production", refusal.Text, StringComparison.Ordinal);
        var request = (await host.Approvals.WaitForDecisionAsync(id, CancellationToken.None))!;
        Assert.Equal((ApprovalStatus.Rejected, "U1"), (request.Status, request.Decision!.UserId));
        Assert.Equal(2, host.Slack.Messages.Count(m => m.Channel == "C-replay" && m.Text != null && !m.Text.StartsWith("*Approval requested", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Click_WithForgedSecret_IsRefused_AndTheRequestStaysPending()
    {
        var (id, token, posted) = await AskAsync("C-forged");
        var forged = token[..33] + (token[33] == 'A' ? 'B' : 'A') + token[34..];

        await ClickAsync("approve", forged, "C-forged", posted.Ts, "U1", "alice", "1700000100.000004");

        await AnswerAsync("C-forged", "This approval is not valid");
        Assert.Equal(ApprovalStatus.Pending, (await GetAsync(id)).Status);
        Assert.Contains("refused (NotValid)", host.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(token[33..], host.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(forged[33..], host.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_WithGenuineTokenFromAnotherChannel_IsRefused_AndTheRequestStaysPending()
    {
        var (id, token, posted) = await AskAsync("C-origin");

        await ClickAsync("approve", token, "C-elsewhere", posted.Ts, "U1", "alice", "1700000100.000005");

        await AnswerAsync("C-elsewhere", "This approval belongs to another conversation");
        Assert.Equal(ApprovalStatus.Pending, (await GetAsync(id)).Status);
    }

    [Fact]
    public async Task Click_AfterExpiry_IsRefused_AndTheRequestIsExpired()
    {
        var request = await host.Approvals.RequestAsync(
            new NewApproval(new ConversationKey(ChatPlatform.Slack, "T1", "C-late", Thread), "Rotate keys", "ops-agent", TimeSpan.FromMilliseconds(300)),
            CancellationToken.None);
        var posted = Assert.Single(host.Slack.Messages, m => m.Channel == "C-late");
        var waiting = host.Approvals.WaitForDecisionAsync(request.Id, CancellationToken.None);
        Assert.Equal(ApprovalStatus.Expired, (await waiting.WaitAsync(TimeSpan.FromSeconds(30))).Status);

        await ClickAsync("approve", ButtonValue(posted, 0), "C-late", posted.Ts, "U1", "alice", "1700000100.000006");

        await AnswerAsync("C-late", "This request expired at ");
        var closed = await ApprovalHost.EventuallyAsync(() => host.Slack.Updates.FirstOrDefault(u => u.Ts == posted.Ts), "the buttons replaced");
        Assert.Contains("Expired at ", closed.Text, StringComparison.Ordinal);
        Assert.Equal(ApprovalStatus.Expired, (await GetAsync(request.Id)).Status);
        Assert.Null((await GetAsync(request.Id)).Decision);
    }

    [Fact]
    public async Task WaitForDecision_DecidedByAnotherProcessOnTheSameDatabase_WakesWithinThePollInterval()
    {
        var (id, _, _) = await AskAsync("C-elsewhere-process");
        var waiting = host.Approvals.WaitForDecisionAsync(id, CancellationToken.None);

        // Straight through the store, as another BotHost process would: nothing in this process is notified.
        var store = host.Host.Services.GetRequiredService<IApprovalStore>();
        Assert.True(await store.TryDecideAsync(id, new ApprovalDecision(ApprovalAction.Reject, ChatPlatform.Slack, "U7", "grace", "action:other-process", DateTimeOffset.UtcNow), CancellationToken.None));

        var decided = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((ApprovalStatus.Rejected, "grace"), (decided.Status, decided.Decision!.UserName));
    }

    private async Task<(Guid Id, string Token, SlackPostedMessage Posted)> AskAsync(string channel)
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");
        using var response = await admin.PostAsJsonAsync(new Uri("/approvals", UriKind.Relative),
            new { platform = "slack", workspace = "T1", channel, thread = Thread, summary = "Deploy v2 to production", requestedBy = "deploy-agent" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", created.GetProperty("status").GetString());

        var posted = Assert.Single(host.Slack.Messages, m => m.Channel == channel);
        Assert.Equal(Thread, posted.ThreadTs);
        var token = ButtonValue(posted, 0);
        Assert.Equal(token, ButtonValue(posted, 1));
        Assert.True(ApprovalToken.TryParse(token, out var tokenId, out _));
        Assert.Equal(created.GetProperty("id").GetGuid(), tokenId);
        return (tokenId, token, posted);
    }

    private static string ButtonValue(SlackPostedMessage posted, int button)
    {
        var element = posted.Blocks!.Value[1].GetProperty("elements")[button];
        Assert.Equal(button == 0 ? "approve" : "reject", element.GetProperty("action_id").GetString());
        return element.GetProperty("value").GetString()!;
    }

    private Task ClickAsync(string actionId, string token, string channel, string messageTs, string user, string userName, string actionTs) =>
        PostAsync(ApprovalPayloads.SlackClick(actionId, token, channel, messageTs, Thread, user, userName, actionTs));

    private async Task PostAsync(string form)
    {
        using var signed = host.Host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/slack/interactions", form, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<SlackPostedMessage> AnswerAsync(string channel, string startsWith) =>
        ApprovalHost.EventuallyAsync(
            () => host.Slack.Messages.FirstOrDefault(m => m.Channel == channel && (m.Text?.StartsWith(startsWith, StringComparison.Ordinal) ?? false)),
            $"an answer starting '{startsWith}' in {channel}");

    private async Task<ApprovalRequest> GetAsync(Guid id) =>
        await host.Host.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No request {id}.");
}
