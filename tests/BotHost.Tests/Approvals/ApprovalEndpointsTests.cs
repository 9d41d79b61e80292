using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Approvals;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.AspNetCore.Http;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>The REST routes: admin scope, validation, idempotent creation by request key, lookup and listing.</summary>
public sealed class ApprovalEndpointsTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    private static readonly Uri Approvals = new("/approvals", UriKind.Relative);

    [Fact]
    public async Task Create_WithoutAdminScope_IsRefused()
    {
        using var anonymous = host.Host.CreateClient();
        using var chat = await host.Host.CreateClientWithScopeAsync("chat");

        using var noKey = await anonymous.PostAsJsonAsync(Approvals, Body("C-auth"));
        using var weakKey = await chat.PostAsJsonAsync(Approvals, Body("C-auth"));

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, weakKey.StatusCode);
        Assert.DoesNotContain(host.Slack.Messages, m => m.Channel == "C-auth");
    }

    [Theory]
    [InlineData("""{"platform":"irc","workspace":"T1","channel":"C1","summary":"s","requestedBy":"r"}""", "platform")]
    [InlineData("""{"platform":"slack","workspace":"T1","summary":"s","requestedBy":"r"}""", "channel")]
    [InlineData("""{"platform":"github","workspace":"acme","channel":"app","summary":"s","requestedBy":"r"}""", "thread")]
    [InlineData("""{"platform":"slack","workspace":"T1","channel":"C1","summary":" ","requestedBy":"r"}""", "summary")]
    [InlineData("""{"platform":"slack","workspace":"T1","channel":"C1","summary":"s"}""", "requestedBy")]
    [InlineData("""{"platform":"slack","workspace":"T1","channel":"C1","summary":"s","requestedBy":"r","expiresInSeconds":0}""", "expiresInSeconds")]
    [InlineData("""{"platform":"slack","workspace":"T1","channel":"C1","summary":"s","requestedBy":"r","expiresInSeconds":99999999}""", "expiry")]
    public async Task Create_BadInput_Is400_AndPostsNothing(string body, string named)
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");
        var before = host.Slack.Messages.Count + host.GitHub.Comments.Count;

        using var response = await admin.SendAsync(Webhooks.Payloads.Post("/approvals", body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, host.Slack.Messages.Count + host.GitHub.Comments.Count);
    }

    [Fact]
    public async Task Create_OverlongFields_Are400()
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");

        using var longChannel = await admin.PostAsJsonAsync(Approvals, Body(new string('C', 201)));
        using var longSummary = await admin.PostAsJsonAsync(Approvals, Body("C-long", summary: new string('s', ApprovalService.MaxSummaryLength + 1)));

        Assert.Equal(HttpStatusCode.BadRequest, longChannel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longSummary.StatusCode);
        Assert.DoesNotContain(host.Slack.Messages, m => m.Channel == "C-long");
    }

    [Fact]
    public async Task Create_SameRequestKeyTwice_PostsOnce_AndADifferentRequestUnderItIs409()
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");

        using var first = await admin.PostAsJsonAsync(Approvals, Body("C-key", requestKey: "run-17"));
        using var again = await admin.PostAsJsonAsync(Approvals, Body("C-key", requestKey: "run-17"));
        using var other = await admin.PostAsJsonAsync(Approvals, Body("C-key", requestKey: "run-17", summary: "Something else"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(Id(await first.Content.ReadFromJsonAsync<JsonElement>()), Id(await again.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Single(host.Slack.Messages, m => m.Channel == "C-key");
    }

    [Fact]
    public async Task Get_CreatedRequest_ShowsItWithoutTokenOrHash_AndAnUnknownIdIs404()
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");
        using var created = await admin.PostAsJsonAsync(Approvals, Body("C-get"));
        var id = Id(await created.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal($"/approvals/{id}", created.Headers.Location?.OriginalString);

        var text = await admin.GetStringAsync(new Uri($"/approvals/{id}", UriKind.Relative));
        using var unknown = await admin.GetAsync(new Uri($"/approvals/{Guid.NewGuid()}", UriKind.Relative));

        var shown = JsonSerializer.Deserialize<JsonElement>(text);
        Assert.Equal(("slack", "T1", "C-get", "pending", "deploy-agent"),
            (shown.GetProperty("platform").GetString(), shown.GetProperty("workspace").GetString(), shown.GetProperty("channel").GetString(),
             shown.GetProperty("status").GetString(), shown.GetProperty("requestedBy").GetString()));
        Assert.Equal(JsonValueKind.String, shown.GetProperty("postedAt").ValueKind);
        var posted = Assert.Single(host.Slack.Messages, m => m.Channel == "C-get");
        var token = posted.Blocks!.Value[1].GetProperty("elements")[0].GetProperty("value").GetString()!;
        Assert.DoesNotContain(token[33..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task List_ByStatus_ShowsPendingRequests_AndAnUnknownStatusIs400()
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");
        using var created = await admin.PostAsJsonAsync(Approvals, Body("C-list"));
        var id = Id(await created.Content.ReadFromJsonAsync<JsonElement>());

        var pending = await admin.GetFromJsonAsync<JsonElement>(new Uri("/approvals?status=pending", UriKind.Relative));
        var approved = await admin.GetFromJsonAsync<JsonElement>(new Uri("/approvals?status=approved", UriKind.Relative));
        using var bogus = await admin.GetAsync(new Uri("/approvals?status=maybe", UriKind.Relative));

        Assert.Contains(pending.EnumerateArray(), r => Id(r) == id);
        Assert.DoesNotContain(approved.EnumerateArray(), r => Id(r) == id);
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
    }

    [Fact]
    public async Task Create_WhenThePlatformRefuses_Is502_AndTheSameKeyPostsItAgainWithATokenThatWorks()
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");
        host.Slack.ScriptNext(1, http => http.Response.WriteAsJsonAsync(new { ok = false, error = "not_in_channel" }));

        using var refused = await admin.PostAsJsonAsync(Approvals, Body("C-retry", requestKey: "run-retry"));

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.DoesNotContain(host.Slack.Messages, m => m.Channel == "C-retry");
        var stored = await admin.GetFromJsonAsync<JsonElement>(new Uri("/approvals?status=pending", UriKind.Relative));
        var unposted = Assert.Single(stored.EnumerateArray(), r => r.GetProperty("requestKey").GetString() == "run-retry");
        Assert.Equal(JsonValueKind.Null, unposted.GetProperty("postedAt").ValueKind);

        using var retried = await admin.PostAsJsonAsync(Approvals, Body("C-retry", requestKey: "run-retry"));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var posted = Assert.Single(host.Slack.Messages, m => m.Channel == "C-retry");
        var token = posted.Blocks!.Value[1].GetProperty("elements")[0].GetProperty("value").GetString()!;
        var click = new ApprovalClick(ApprovalAction.Approve, token, new ConversationKey(ChatPlatform.Slack, "T1", "C-retry", "1700000000.000100"),
            "U9", "zoe", "action:retry", DateTimeOffset.UtcNow);
        var result = await host.Approvals.DecideAsync(click, CancellationToken.None);
        Assert.Equal((DecisionOutcome.Decided, Id(unposted)), (result.Outcome, result.Request!.Id));
    }

    [Fact]
    public async Task Create_WithoutAKey_WhenThePlatformRefuses_Is502_AndTheRequestIsWithdrawnNotLeftPending()
    {
        using var admin = await host.Host.CreateClientWithScopeAsync("admin");
        host.Slack.ScriptNext(1, http => http.Response.WriteAsJsonAsync(new { ok = false, error = "not_in_channel" }));

        using var refused = await admin.PostAsJsonAsync(Approvals, Body("C-nokey", summary: "Drop the staging database"));

        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("withdrawn", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pending = await admin.GetFromJsonAsync<JsonElement>(new Uri("/approvals?status=pending", UriKind.Relative));
        var expired = await admin.GetFromJsonAsync<JsonElement>(new Uri("/approvals?status=expired", UriKind.Relative));
        Assert.DoesNotContain(pending.EnumerateArray(), r => r.GetProperty("summary").GetString() == "Drop the staging database");
        var withdrawn = Assert.Single(expired.EnumerateArray(), r => r.GetProperty("summary").GetString() == "Drop the staging database");
        Assert.Equal(JsonValueKind.Null, withdrawn.GetProperty("postedAt").ValueKind);
        var waited = await host.Approvals.WaitForDecisionAsync(Id(withdrawn), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ApprovalStatus.Expired, waited.Status);
    }

    [Fact]
    public async Task Decide_SamePlatformEventTwice_WinsBothTimes_ButAnotherEventOfTheSameUserDoesNot()
    {
        var request = await host.Approvals.RequestAsync(
            new NewApproval(new ConversationKey(ChatPlatform.Slack, "T1", "C-retry-event", "1700000000.000100"), "Restart the worker", "ops-agent"),
            CancellationToken.None);
        var posted = Assert.Single(host.Slack.Messages, m => m.Channel == "C-retry-event");
        var token = posted.Blocks!.Value[1].GetProperty("elements")[0].GetProperty("value").GetString()!;
        var click = new ApprovalClick(ApprovalAction.Approve, token, request.Conversation, "U1", "alice", "action:first", DateTimeOffset.UtcNow);

        var first = await host.Approvals.DecideAsync(click, CancellationToken.None);
        var retried = await host.Approvals.DecideAsync(click, CancellationToken.None);
        var again = await host.Approvals.DecideAsync(click with { EventId = "action:second" }, CancellationToken.None);

        Assert.Equal((DecisionOutcome.Decided, DecisionOutcome.Decided, DecisionOutcome.AlreadyDecided), (first.Outcome, retried.Outcome, again.Outcome));
        Assert.Equal(first.Request!.Decision, retried.Request!.Decision);
        Assert.Equal("action:first", again.Request!.Decision!.EventId);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheRoutesWithTheAdminScope()
    {
        using var client = host.Host.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var (path, method) in new[] { ("/approvals", "post"), ("/approvals", "get"), ("/approvals/{id}", "get") })
        {
            var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
            var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
            Assert.Equal(["admin"], requirement.GetProperty("Bearer").EnumerateArray().Select(s => s.GetString()));
        }
    }

    private static object Body(string channel, string? requestKey = null, string summary = "Deploy v2 to production") =>
        new { platform = "slack", workspace = "T1", channel, thread = "1700000000.000100", summary, requestedBy = "deploy-agent", requestKey };

    private static Guid Id(JsonElement approval) => approval.GetProperty("id").GetGuid();
}
