using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// Answers Slack conversations: 👀 on the turn's message as acknowledgement, replies in the turn's thread
/// (<c>thread_ts</c>) or, for a slash command, through its <c>response_url</c> (chat.postMessage once that has expired),
/// rendered as mrkdwn and split at <see cref="SlackApiOptions.MessageLimit"/>; each idempotency key
/// is posted once per process. Thread-safe.
/// </summary>
public sealed class SlackChatPlatformClient(SlackWebApiClient api, DeliveryLedger ledger, IOptions<SlackApiOptions> options, ILogger<SlackChatPlatformClient> logger)
    : IChatPlatformClient
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public bool IsEnabled => options.Value.Enabled;

    public async Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);

        // Slash commands have no message to react to; their acknowledgement is the HTTP answer.
        if (turn.ReplyContext.TryGetValue(SlackReplyContext.Ts, out var ts))
        {
            await api.AddReactionAsync(Channel(turn.Key, turn.ReplyContext), ts, options.Value.AcknowledgementReaction, cancellationToken);
        }
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
        var channel = Channel(reply.Key, reply.ReplyContext);
        var thread = Thread(reply.Key, reply.ReplyContext);
        var pieces = MessageSplitter.Split(SlackMrkdwn.Render(MarkdownTables.Fence(reply.Text)), options.Value.MessageLimit);
        reply.ReplyContext.TryGetValue(ApprovalButtons.ContextKey, out var approval);

        // Outside a thread (a slash command), the command's response_url answers even where the bot is not a member.
        var responseUrl = thread is null && reply.ReplyContext.TryGetValue(SlackReplyContext.ResponseUrl, out var url)
            && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" ? parsed : null;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (progress.TryGetPosted(i, out _))
            {
                continue;
            }

            JsonArray? blocks = approval is not null && i == pieces.Count - 1 ? SlackBlockKit.ApprovalBlocks(pieces[i], approval) : null;
            if (responseUrl is not null)
            {
                try
                {
                    await api.RespondAsync(responseUrl, pieces[i], blocks, cancellationToken);
                    progress.RecordPosted(i, $"response_url#{i}");
                    continue;
                }
                catch (ChatPlatformException e) when (!e.IsTransient)
                {
                    // Expired (30 minutes) or used up (5 posts): the bot's own message still reaches the channel.
                    responseUrl = null;
                }
            }

            progress.RecordPosted(i, await api.PostMessageAsync(channel, pieces[i], thread, blocks, cancellationToken));
        }

        OutboundLog.Delivered(logger, Platform, reply.IdempotencyKey, pieces.Count);
        return new DeliveredReply(progress.MessageIds);
    }

    private static string Channel(ConversationKey key, IReadOnlyDictionary<string, string> context) =>
        context.TryGetValue(SlackReplyContext.Channel, out var channel) ? channel : key.Channel;

    /// <summary>The parent's ts; slash-command conversations (thread "command:…") are answered in the channel.</summary>
    private static string? Thread(ConversationKey key, IReadOnlyDictionary<string, string> context)
    {
        var thread = context.TryGetValue(SlackReplyContext.ThreadTs, out var ts) ? ts : key.Thread;
        return SlackReplyContext.IsTs(thread) ? thread : null;
    }
}
