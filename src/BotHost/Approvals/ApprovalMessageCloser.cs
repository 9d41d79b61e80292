using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// Once a request is decided or expired, edits its message so the buttons (GitHub: the commands) give way to the
/// outcome: Slack chat.update, Discord message edit with no components, GitHub comment edit. A courtesy: a failed
/// edit is logged and the decision stands. Thread-safe.
/// </summary>
public sealed class ApprovalMessageCloser(
    SlackWebApiClient slack,
    DiscordRestClient discord,
    GitHubRestClient github,
    ILogger<ApprovalMessageCloser> logger)
{
    public async Task CloseAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        // The buttons ride on the last piece of the message.
        if (request.MessageIds is not [.., var messageId])
        {
            return;
        }

        var key = request.Conversation;
        var context = request.ReplyContext;
        var text = ApprovalMessages.Closed(request);
        try
        {
            switch (key.Platform)
            {
                case ChatPlatform.Slack when SlackReplyContext.IsTs(messageId):
                    var mrkdwn = Connectors.Formatting.SlackMrkdwn.Render(text);
                    JsonArray blocks = [new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } }];
                    await slack.UpdateMessageAsync(context.GetValueOrDefault(SlackReplyContext.Channel, key.Channel), messageId, mrkdwn, blocks, cancellationToken);
                    break;
                case ChatPlatform.Discord:
                    await discord.EditMessageAsync(context.GetValueOrDefault(DiscordReplyContext.ChannelId, key.Channel), messageId, text, [], cancellationToken);
                    break;
                case ChatPlatform.GitHub:
                    await github.UpdateIssueCommentAsync(context.GetValueOrDefault(GitHubReplyContext.Owner, key.Workspace),
                        context.GetValueOrDefault(GitHubReplyContext.Repo, key.Channel), messageId, text,
                        context.GetValueOrDefault(GitHubReplyContext.InstallationId), cancellationToken);
                    break;
            }
        }
        catch (Exception ex) when (ex is ChatPlatformException or HttpRequestException or InvalidOperationException)
        {
            Log.CloseFailed(logger, ex, request.Id, key.Platform);
        }
    }
}
