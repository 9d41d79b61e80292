using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// Answers GitHub issue and pull request conversations: 👀 ("eyes") on the triggering comment as acknowledgement,
/// replies as issue comments (GitHub Markdown as is) split at 65536 characters; a decision request ends with the
/// <c>/approve TOKEN</c> and <c>/reject TOKEN</c> commands. Each idempotency key is posted once per process. Thread-safe.
/// </summary>
public sealed class GitHubChatPlatformClient(GitHubRestClient api, DeliveryLedger ledger, IOptions<GitHubApiOptions> options, ILogger<GitHubChatPlatformClient> logger)
    : IChatPlatformClient
{
    public ChatPlatform Platform => ChatPlatform.GitHub;

    public bool IsEnabled => options.Value.Enabled;

    public async Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);
        var (owner, repo, number) = Target(turn.Key, turn.ReplyContext);
        turn.ReplyContext.TryGetValue(GitHubReplyContext.CommentId, out var commentId);
        turn.ReplyContext.TryGetValue(GitHubReplyContext.CommentKind, out var commentKind);
        await api.AddReactionAsync(owner, repo, number, commentId, commentKind, options.Value.AcknowledgementReaction, Installation(turn.ReplyContext), cancellationToken);
    }

    public async Task<DeliveredReply> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);
        var (delivered, already) = await ledger.DeliverOnceAsync(Platform, reply.IdempotencyKey, (progress, ct) => DeliverAsync(reply, progress, ct), cancellationToken);
        if (already)
        {
            OutboundLog.AlreadyDelivered(logger, Platform, reply.IdempotencyKey);
        }

        return delivered;
    }

    private async Task<DeliveredReply> DeliverAsync(OutboundReply reply, DeliveryProgress progress, CancellationToken cancellationToken)
    {
        var (owner, repo, number) = Target(reply.Key, reply.ReplyContext);
        var footer = reply.ReplyContext.TryGetValue(ApprovalButtons.ContextKey, out var approval)
            ? $"\n\n---\nReply `/{ApprovalButtons.ApproveActionId} {approval}` to approve or `/{ApprovalButtons.RejectActionId} {approval}` to reject."
            : "";
        var pieces = MessageSplitter.Split(reply.Text, options.Value.MessageLimit - footer.Length);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (progress.TryGetPosted(i, out _))
            {
                continue;
            }

            var body = i == pieces.Count - 1 ? pieces[i] + footer : pieces[i];
            progress.RecordPosted(i, await api.CreateIssueCommentAsync(owner, repo, number, body, Installation(reply.ReplyContext), cancellationToken));
        }

        OutboundLog.Delivered(logger, Platform, reply.IdempotencyKey, pieces.Count);
        return new DeliveredReply(progress.MessageIds);
    }

    /// <summary>Owner, repository and number from the reply context, else from the key (owner, repo, number).</summary>
    private static (string Owner, string Repo, string Number) Target(ConversationKey key, IReadOnlyDictionary<string, string> context) =>
        (context.GetValueOrDefault(GitHubReplyContext.Owner, key.Workspace),
         context.GetValueOrDefault(GitHubReplyContext.Repo, key.Channel),
         context.GetValueOrDefault(GitHubReplyContext.Number, key.Thread));

    private static string? Installation(IReadOnlyDictionary<string, string> context) =>
        context.TryGetValue(GitHubReplyContext.InstallationId, out var installation) ? installation : null;
}
