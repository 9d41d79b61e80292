using System.Text.RegularExpressions;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.Outbound;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// Recognises decision turns: a Slack button click with action_id approve|reject (text "action_id value"), a Discord
/// component click with custom_id "approve:TOKEN"|"reject:TOKEN", and a GitHub issue or pull request comment that
/// starts with <c>/approve TOKEN</c> or <c>/reject TOKEN</c> (after optional @mentions and whitespace). Pure and
/// thread-safe.
/// </summary>
public static partial class ApprovalClickParser
{
    public static ApprovalClick? Parse(ConversationTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (action, token) = turn.Key.Platform switch
        {
            ChatPlatform.Slack when turn.Kind == TurnKind.ButtonClick => FromSlack(turn),
            ChatPlatform.Discord when turn.Kind == TurnKind.ButtonClick => FromDiscord(turn),
            ChatPlatform.GitHub when turn.Kind is TurnKind.IssueComment or TurnKind.PullRequestComment => FromGitHub(turn.Text),
            _ => (null, null),
        };
        return action is { } a && !string.IsNullOrEmpty(token)
            ? new ApprovalClick(a, token, turn.Key, turn.AuthorId, turn.AuthorName, turn.EventId, turn.At)
            : null;
    }

    private static (ApprovalAction?, string?) FromSlack(ConversationTurn turn) =>
        (Action(turn.ReplyContext.GetValueOrDefault("action_id")), turn.ReplyContext.GetValueOrDefault("value"));

    private static (ApprovalAction?, string?) FromDiscord(ConversationTurn turn)
    {
        var customId = turn.ReplyContext.GetValueOrDefault(DiscordReplyContext.CustomId) ?? "";
        var colon = customId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (null, null) : (Action(customId[..colon]), customId[(colon + 1)..]);
    }

    private static (ApprovalAction?, string?) FromGitHub(string text) =>
        GitHubCommand().Match(text) is { Success: true } match
            ? (Action(match.Groups["action"].Value), match.Groups["token"].Value)
            : (null, null);

    private static ApprovalAction? Action(string? actionId) => actionId switch
    {
        ApprovalButtons.ApproveActionId => ApprovalAction.Approve,
        ApprovalButtons.RejectActionId => ApprovalAction.Reject,
        _ => null,
    };

    // "@chatcouncil /approve TOKEN", "/reject TOKEN": the command leads the comment; anything after the token is ignored.
    [GeneratedRegex(@"\A\s*(?:@[A-Za-z0-9][A-Za-z0-9-]*(?:\[bot\])?[\s,:]+)*/(?<action>approve|reject)[ \t]+(?<token>[^\s]+)", RegexOptions.CultureInvariant, 100)]
    private static partial Regex GitHubCommand();
}
