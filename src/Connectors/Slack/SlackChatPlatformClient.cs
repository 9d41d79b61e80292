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
/// rendered as mrkdwn and split at <see cref="SlackApiOptions.MessageLimit"/>. A streamed answer is posted at its first
/// words and edited (chat.update) as it grows; the final send edits that message into the first piece. Every message
/// carries the reply's key in its metadata, so a post whose answer was lost (a crash) is found in the thread instead of
/// posted twice. Thread-safe.
/// </summary>
public sealed class SlackChatPlatformClient(SlackWebApiClient api, DeliveryLedger ledger, IOptions<SlackApiOptions> options, ILogger<SlackChatPlatformClient> logger)
    : IChatPlatformClient
{
    /// <summary>How far Slack's clock may be behind ours when searching from the time a post began.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public ChatPlatform Platform => ChatPlatform.Slack;

    public bool IsEnabled => options.Value.Enabled;

    public TimeSpan? StreamInterval => options.Value.StreamEdits ? options.Value.StreamEditInterval : null;

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

    public async Task ShowPartialAsync(OutboundReply answerSoFar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerSoFar);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);
        var thread = Thread(answerSoFar.Key, answerSoFar.ReplyContext);
        if (ResponseUrl(answerSoFar, thread) is not null || string.IsNullOrWhiteSpace(answerSoFar.Text))
        {
            // A response_url message cannot be edited by ts; a slash command's answer comes whole.
            return;
        }

        var channel = Channel(answerSoFar.Key, answerSoFar.ReplyContext);
        var first = MessageSplitter.Split(Render(answerSoFar.Text), options.Value.MessageLimit)[0];
        await ledger.StreamAsync(Platform, answerSoFar.IdempotencyKey, async (progress, ct) =>
        {
            if (progress.TryGetPosted(0, out var ts))
            {
                await api.UpdateMessageAsync(channel, ts, first, null, ct);
                return;
            }

            await PostAsync(progress, answerSoFar.IdempotencyKey, 0, channel, thread, first, null, final: false, ct);
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
        var channel = Channel(reply.Key, reply.ReplyContext);
        var thread = Thread(reply.Key, reply.ReplyContext);
        var pieces = MessageSplitter.Split(Render(reply.Text), options.Value.MessageLimit);
        reply.ReplyContext.TryGetValue(ApprovalButtons.ContextKey, out var approval);

        // Outside a thread (a slash command), the command's response_url answers even where the bot is not a member.
        var responseUrl = ResponseUrl(reply, thread);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (progress.IsFinal(i))
            {
                continue;
            }

            JsonArray? blocks = approval is not null && i == pieces.Count - 1 ? SlackBlockKit.ApprovalBlocks(pieces[i], approval) : null;
            if (progress.TryGetPosted(i, out var streamed))
            {
                // The streamed message becomes the final first piece.
                await api.UpdateMessageAsync(channel, streamed, pieces[i], blocks, cancellationToken);
                await progress.RecordAsync(i, streamed, final: true, cancellationToken);
                continue;
            }

            if (responseUrl is not null)
            {
                try
                {
                    await api.RespondAsync(responseUrl, pieces[i], blocks, cancellationToken);
                    await progress.RecordAsync(i, $"response_url#{i}", final: true, cancellationToken);
                    continue;
                }
                catch (ChatPlatformException e) when (!e.IsTransient)
                {
                    // Expired (30 minutes) or used up (5 posts): the bot's own message still reaches the channel.
                    responseUrl = null;
                }
            }

            await PostAsync(progress, reply.IdempotencyKey, i, channel, thread, pieces[i], blocks, final: true, cancellationToken);
        }

        OutboundLog.Delivered(logger, Platform, reply.IdempotencyKey, pieces.Count);
        return new DeliveredReply(progress.MessageIds);
    }

    /// <summary>Posts a piece marked with the reply's key; a piece whose earlier post went unconfirmed is looked for first.</summary>
    private async Task PostAsync(DeliveryProgress progress, string key, int piece, string channel, string? thread, string text, JsonArray? blocks, bool final, CancellationToken cancellationToken)
    {
        var ts = await progress.PostOnceAsync(
            piece,
            final,
            (since, ct) => api.FindReplyAsync(channel, thread, key, piece, since - ClockSkew, ct),
            ct => api.PostMessageAsync(channel, text, thread, blocks, ct, (key, piece)),
            cancellationToken);
        if (final && !progress.IsFinal(piece))
        {
            // Found from an earlier, unconfirmed post: it may hold a partial or older text.
            await api.UpdateMessageAsync(channel, ts, text, blocks, cancellationToken);
            await progress.RecordAsync(piece, ts, final: true, cancellationToken);
        }
    }

    private static string Render(string markdown) => SlackMrkdwn.Render(MarkdownTables.Fence(markdown));

    private static Uri? ResponseUrl(OutboundReply reply, string? thread) =>
        thread is null && reply.ReplyContext.TryGetValue(SlackReplyContext.ResponseUrl, out var url)
            && Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" ? parsed : null;

    private static string Channel(ConversationKey key, IReadOnlyDictionary<string, string> context) =>
        context.TryGetValue(SlackReplyContext.Channel, out var channel) ? channel : key.Channel;

    /// <summary>The parent's ts; slash-command conversations (thread "command:…") are answered in the channel.</summary>
    private static string? Thread(ConversationKey key, IReadOnlyDictionary<string, string> context)
    {
        var thread = context.TryGetValue(SlackReplyContext.ThreadTs, out var ts) ? ts : key.Thread;
        return SlackReplyContext.IsTs(thread) ? thread : null;
    }
}
