using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// Answers GitHub issue and pull request conversations: 👀 ("eyes") on the triggering comment as acknowledgement,
/// replies as issue comments (GitHub Markdown as is) split at 65536 characters; a decision request ends with the
/// <c>/approve TOKEN</c> and <c>/reject TOKEN</c> commands. A streamed answer is one comment edited as it grows. Every
/// comment ends with a hidden <c>&lt;!-- chatcouncil:reply KEY --&gt;</c> marker, so a post whose answer was lost (a
/// crash) is found among the issue's recent comments instead of posted twice. Thread-safe.
/// </summary>
public sealed class GitHubChatPlatformClient(GitHubRestClient api, DeliveryLedger ledger, IOptions<GitHubApiOptions> options, ILogger<GitHubChatPlatformClient> logger)
    : IChatPlatformClient
{
    /// <summary>How far GitHub's clock may be behind ours when searching from the time a post began.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public ChatPlatform Platform => ChatPlatform.GitHub;

    public bool IsEnabled => options.Value.Enabled;

    public TimeSpan? StreamInterval => options.Value.StreamEdits ? options.Value.StreamEditInterval : null;

    /// <summary>The hidden marker that ends each comment of a reply: the key for the first piece, KEY#N for later ones.</summary>
    public static string Marker(string idempotencyKey, int piece) =>
        $"<!-- chatcouncil:reply {(piece == 0 ? idempotencyKey : $"{idempotencyKey}#{piece}")} -->";

    public async Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);
        var (owner, repo, number) = Target(turn.Key, turn.ReplyContext);
        turn.ReplyContext.TryGetValue(GitHubReplyContext.CommentId, out var commentId);
        turn.ReplyContext.TryGetValue(GitHubReplyContext.CommentKind, out var commentKind);
        await api.AddReactionAsync(owner, repo, number, commentId, commentKind, options.Value.AcknowledgementReaction, Installation(turn.ReplyContext), cancellationToken);
    }

    public async Task ShowPartialAsync(OutboundReply answerSoFar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerSoFar);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);
        if (string.IsNullOrWhiteSpace(answerSoFar.Text))
        {
            return;
        }

        var (owner, repo, number) = Target(answerSoFar.Key, answerSoFar.ReplyContext);
        var installation = Installation(answerSoFar.ReplyContext);
        var first = Split(answerSoFar.Text, answerSoFar.IdempotencyKey, footer: "")[0];
        var body = first + "\n\n" + Marker(answerSoFar.IdempotencyKey, 0);
        await ledger.StreamAsync(Platform, answerSoFar.IdempotencyKey, async (progress, ct) =>
        {
            if (progress.TryGetPosted(0, out var id))
            {
                await api.UpdateIssueCommentAsync(owner, repo, id, body, installation, ct);
                return;
            }

            await PostAsync(progress, answerSoFar, 0, body, final: false, ct);
        }, cancellationToken);
    }

    public async Task<DeliveredReply> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);
        return await ledger.SendOnceAsync(Platform, reply, DeliverAsync, logger, cancellationToken);
    }

    private async Task<DeliveredReply> DeliverAsync(OutboundReply reply, DeliveryProgress progress, CancellationToken cancellationToken)
    {
        var (owner, repo, _) = Target(reply.Key, reply.ReplyContext);
        var footer = reply.ReplyContext.TryGetValue(ApprovalButtons.ContextKey, out var approval)
            ? $"\n\n---\nReply `/{ApprovalButtons.ApproveActionId} {approval}` to approve or `/{ApprovalButtons.RejectActionId} {approval}` to reject."
            : "";
        var pieces = Split(reply.Text, reply.IdempotencyKey, footer);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (progress.IsFinal(i))
            {
                continue;
            }

            var body = (i == pieces.Count - 1 ? pieces[i] + footer : pieces[i]) + "\n\n" + Marker(reply.IdempotencyKey, i);
            if (progress.TryGetPosted(i, out var streamed))
            {
                // The streamed comment becomes the final first piece.
                await api.UpdateIssueCommentAsync(owner, repo, streamed, body, Installation(reply.ReplyContext), cancellationToken);
                await progress.RecordAsync(i, streamed, final: true, cancellationToken);
                continue;
            }

            await PostAsync(progress, reply, i, body, final: true, cancellationToken);
        }

        OutboundLog.Delivered(logger, Platform, reply.IdempotencyKey, pieces.Count);
        return new DeliveredReply(progress.MessageIds);
    }

    /// <summary>Posts a marked comment; a piece whose earlier post went unconfirmed is looked for among recent comments first.</summary>
    private async Task PostAsync(DeliveryProgress progress, OutboundReply reply, int piece, string body, bool final, CancellationToken cancellationToken)
    {
        var (owner, repo, number) = Target(reply.Key, reply.ReplyContext);
        var installation = Installation(reply.ReplyContext);
        var marker = Marker(reply.IdempotencyKey, piece);
        var id = await progress.PostOnceAsync(
            piece,
            final,
            (since, ct) => api.FindIssueCommentAsync(owner, repo, number, marker, since - ClockSkew, installation, ct),
            ct => api.CreateIssueCommentAsync(owner, repo, number, body, installation, ct),
            cancellationToken);
        if (final && !progress.IsFinal(piece))
        {
            // Found from an earlier, unconfirmed post: it may hold a partial or older text.
            await api.UpdateIssueCommentAsync(owner, repo, id, body, installation, cancellationToken);
            await progress.RecordAsync(piece, id, final: true, cancellationToken);
        }
    }

    /// <summary>The answer in pieces that leave room for the footer and the longest marker (with its blank line).</summary>
    private IReadOnlyList<string> Split(string text, string idempotencyKey, string footer) =>
        MessageSplitter.Split(text, options.Value.MessageLimit - footer.Length - Marker(idempotencyKey, 9999).Length - 2);

    /// <summary>Owner, repository and number from the reply context, else from the key (owner, repo, number).</summary>
    private static (string Owner, string Repo, string Number) Target(ConversationKey key, IReadOnlyDictionary<string, string> context) =>
        (context.GetValueOrDefault(GitHubReplyContext.Owner, key.Workspace),
         context.GetValueOrDefault(GitHubReplyContext.Repo, key.Channel),
         context.GetValueOrDefault(GitHubReplyContext.Number, key.Thread));

    private static string? Installation(IReadOnlyDictionary<string, string> context) =>
        context.TryGetValue(GitHubReplyContext.InstallationId, out var installation) ? installation : null;
}
