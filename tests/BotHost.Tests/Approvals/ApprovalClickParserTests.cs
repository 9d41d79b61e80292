using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatCouncil.BotHost.Tests.Approvals;

public sealed class ApprovalClickParserTests
{
    private const string Token = "0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Theory]
    [InlineData("/approve " + Token, ApprovalAction.Approve)]
    [InlineData("/reject " + Token, ApprovalAction.Reject)]
    [InlineData("  @chatcouncil /approve " + Token + "\nShip it.", ApprovalAction.Approve)]
    [InlineData("@chatcouncil[bot], /reject\t" + Token, ApprovalAction.Reject)]
    [InlineData("@alice @chatcouncil: /approve " + Token, ApprovalAction.Approve)]
    public void Parse_GitHubCommandLeadingTheComment_IsADecision(string text, ApprovalAction expected)
    {
        var click = ApprovalClickParser.Parse(Turn(ChatPlatform.GitHub, TurnKind.IssueComment, text, []));

        Assert.NotNull(click);
        Assert.Equal((expected, Token, "42", "alice"), (click.Action, click.Token, click.UserId, click.UserName));
    }

    [Theory]
    [InlineData("please /approve " + Token)]
    [InlineData("/approved " + Token)]
    [InlineData("/approve")]
    [InlineData("approve " + Token)]
    public void Parse_GitHubCommentWithoutALeadingCommand_IsNotADecision(string text) =>
        Assert.Null(ApprovalClickParser.Parse(Turn(ChatPlatform.GitHub, TurnKind.PullRequestComment, text, [])));

    [Theory]
    [InlineData("approve", Token, ApprovalAction.Approve)]
    [InlineData("reject", Token, ApprovalAction.Reject)]
    [InlineData("vote", Token, null)]
    [InlineData("approve", "", null)]
    public void Parse_SlackButton_IsADecisionOnlyForApproveAndReject(string actionId, string value, ApprovalAction? expected)
    {
        var turn = Turn(ChatPlatform.Slack, TurnKind.ButtonClick, $"{actionId} {value}", new() { ["action_id"] = actionId, ["value"] = value });

        Assert.Equal(expected, ApprovalClickParser.Parse(turn)?.Action);
    }

    [Theory]
    [InlineData("approve:" + Token, ApprovalAction.Approve)]
    [InlineData("reject:" + Token, ApprovalAction.Reject)]
    [InlineData("vote:" + Token, null)]
    [InlineData("approve:", null)]
    [InlineData("approve", null)]
    public void Parse_DiscordComponent_IsADecisionOnlyForApproveAndRejectWithAToken(string customId, ApprovalAction? expected)
    {
        var turn = Turn(ChatPlatform.Discord, TurnKind.ButtonClick, customId, new() { ["custom_id"] = customId });

        Assert.Equal(expected, ApprovalClickParser.Parse(turn)?.Action);
    }

    [Fact]
    public void Parse_PlainMessageWithACommand_IsNotADecision() =>
        Assert.Null(ApprovalClickParser.Parse(Turn(ChatPlatform.Slack, TurnKind.Mention, "/approve " + Token, [])));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddApprovals_BeforeOrAfterTheInbox_AsksTheApprovalHandlerBeforeTheChatModel(bool inboxFirst)
    {
        var builder = Host.CreateApplicationBuilder();
        if (inboxFirst)
        {
            builder.AddInbox();
            builder.AddApprovals();
        }
        else
        {
            builder.AddApprovals();
            builder.AddInbox();
        }

        var handlers = builder.Services.Where(d => d.ServiceType == typeof(ITurnHandler)).Select(d => d.ImplementationType).ToList();
        Assert.Equal([typeof(ApprovalTurnHandler)], handlers);
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(ChatModelTurnHandler));
    }

    private static ConversationTurn Turn(ChatPlatform platform, TurnKind kind, string text, Dictionary<string, string> context) => new(
        "Ev1", "M1", new ConversationKey(platform, "W", "C", "T"), kind, "42", "alice", text, [], [], DateTimeOffset.UnixEpoch, context);
}
