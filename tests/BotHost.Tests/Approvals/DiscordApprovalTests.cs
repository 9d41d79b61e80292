using System.Net;
using System.Text.Json;
using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>
/// Discord end to end: the request goes to the channel with an action row whose custom_ids carry the token; a signed
/// MESSAGE_COMPONENT interaction gets a deferred update (type 6), decides, and is answered with a follow-up.
/// </summary>
public sealed class DiscordApprovalTests(ApprovalHost host) : IClassFixture<ApprovalHost>
{
    private const string Guild = "200";

    [Fact]
    public async Task ComponentClick_OnPostedButton_IsDeferredDecidedAndAnsweredWithAFollowUp()
    {
        var (id, token, posted) = await AskAsync("301");
        var waiting = host.Approvals.WaitForDecisionAsync(id, CancellationToken.None);

        var clickId = Payloads.FreshDiscordId();
        var deferred = await ClickAsync(clickId, $"approve:{token}", "301", posted.Id, "401", "alice");

        Assert.Equal(6, deferred.GetProperty("type").GetInt32());
        var decided = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ApprovalStatus.Approved, decided.Status);
        Assert.Equal((ChatPlatform.Discord, "401", "alice", clickId),
            (decided.Decision!.Platform, decided.Decision.UserId, decided.Decision.UserName, decided.Decision.EventId));
        var answer = await AnswerAsync("Approved by alice: Ship the Discord release");
        Assert.Equal("followup", answer.Via);
        var closed = await ApprovalHost.EventuallyAsync(() => host.Discord.EditedMessages.FirstOrDefault(m => m.Id == posted.Id), "the buttons removed");
        Assert.Contains("Approved by alice at ", closed.Content, StringComparison.Ordinal);
        Assert.Equal(0, closed.Components!.Value.GetArrayLength());
    }

    [Fact]
    public async Task ComponentClick_BySecondUser_IsToldWhoDecided_AndTheFirstDecisionStands()
    {
        var (id, token, posted) = await AskAsync("302", "Drop the staging database");
        await ClickAsync(Payloads.FreshDiscordId(), $"reject:{token}", "302", posted.Id, "402", "carol");
        await AnswerAsync("Rejected by carol: Drop the staging database");

        await ClickAsync(Payloads.FreshDiscordId(), $"approve:{token}", "302", posted.Id, "403", "dave");

        await AnswerAsync("Already rejected by carol at ");
        var request = await host.Host.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal((ApprovalStatus.Rejected, "402"), (request!.Status, request.Decision!.UserId));
    }

    [Fact]
    public async Task ComponentClick_InAnotherGuild_IsRefused_AndTheRequestStaysPending()
    {
        var (id, token, posted) = await AskAsync("303", "Invite the contractor");

        using var signed = host.Host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/discord/interactions",
            ApprovalPayloads.DiscordClick(Payloads.FreshDiscordId(), $"approve:{token}", "999", "303", posted.Id, "404", "mallory")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await AnswerAsync("This approval belongs to another conversation");
        var request = await host.Host.Services.GetRequiredService<IApprovalStore>().GetAsync(id, CancellationToken.None);
        Assert.Equal(ApprovalStatus.Pending, request!.Status);
    }

    private async Task<(Guid Id, string Token, DiscordPostedMessage Posted)> AskAsync(string channel, string summary = "Ship the Discord release")
    {
        var request = await host.Approvals.RequestAsync(
            new NewApproval(new ConversationKey(ChatPlatform.Discord, Guild, channel, channel), summary, "release-agent"), CancellationToken.None);
        var posted = Assert.Single(host.Discord.Messages, m => m.ChannelId == channel);
        Assert.Equal("channel", posted.Via);
        var buttons = posted.Components!.Value[0].GetProperty("components");
        var approve = buttons[0].GetProperty("custom_id").GetString()!;
        var reject = buttons[1].GetProperty("custom_id").GetString()!;
        Assert.StartsWith("approve:", approve, StringComparison.Ordinal);
        var token = approve["approve:".Length..];
        Assert.Equal($"reject:{token}", reject);
        Assert.True(approve.Length <= 100);
        Assert.True(ApprovalToken.TryParse(token, out var tokenId, out _));
        Assert.Equal(request.Id, tokenId);
        Assert.Equal([posted.Id], request.MessageIds);
        return (request.Id, token, posted);
    }

    private async Task<JsonElement> ClickAsync(string interactionId, string customId, string channel, string messageId, string user, string userName)
    {
        using var signed = host.Host.CreateSignedClient();
        using var response = await signed.SendAsync(Payloads.Post("/webhooks/discord/interactions",
            ApprovalPayloads.DiscordClick(interactionId, customId, Guild, channel, messageId, user, userName)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    private Task<DiscordPostedMessage> AnswerAsync(string startsWith) =>
        ApprovalHost.EventuallyAsync(
            () => host.Discord.Messages.FirstOrDefault(m => m.Content?.StartsWith(startsWith, StringComparison.Ordinal) ?? false),
            $"a Discord answer starting '{startsWith}'");
}
