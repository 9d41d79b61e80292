using System.Net;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Answers Discord conversations. An interaction is answered by editing its deferred response (@original) and
/// posting follow-ups; once its 15-minute token is refused (401/404), the rest goes to the channel through the bot's
/// REST API instead of being lost. A Gateway message gets 👀 as acknowledgement and a reply that references it.
/// Markdown is Discord's own (tables, which it does not render, go in code blocks); pieces are at most 2000 characters. Each idempotency key is posted once per process.
/// Thread-safe.
/// </summary>
public sealed class DiscordChatPlatformClient(DiscordRestClient api, DeliveryLedger ledger, IOptions<DiscordApiOptions> options, ILogger<DiscordChatPlatformClient> logger)
    : IChatPlatformClient
{
    public ChatPlatform Platform => ChatPlatform.Discord;

    public bool IsEnabled => options.Value.Enabled;

    public async Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);

        // An interaction was acknowledged by its deferred HTTP answer; only plain messages get a reaction.
        if (!turn.ReplyContext.ContainsKey(DiscordReplyContext.InteractionToken)
            && turn.ReplyContext.TryGetValue(DiscordReplyContext.MessageId, out var messageId))
        {
            await api.AddReactionAsync(Channel(turn.Key, turn.ReplyContext), messageId, options.Value.AcknowledgementEmoji, cancellationToken);
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
        var context = reply.ReplyContext;
        var channel = Channel(reply.Key, context);
        var pieces = MessageSplitter.Split(MarkdownTables.Fence(reply.Text), options.Value.MessageLimit);
        context.TryGetValue(ApprovalButtons.ContextKey, out var approval);
        context.TryGetValue(DiscordReplyContext.InteractionToken, out var token);
        var application = context.TryGetValue(DiscordReplyContext.ApplicationId, out var app) ? app : options.Value.ApplicationId;
        var viaInteraction = token is not null && application is not null;
        var isClick = context.ContainsKey(DiscordReplyContext.CustomId);
        context.TryGetValue(DiscordReplyContext.MessageId, out var replyTo);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (progress.TryGetPosted(i, out _))
            {
                continue;
            }

            var components = approval is not null && i == pieces.Count - 1 ? DiscordComponents.ApprovalButtons(approval) : null;
            string? id = null;
            if (viaInteraction)
            {
                try
                {
                    // A click's @original is the message holding the buttons (a deferred update): answer below it instead.
                    id = i == 0 && !isClick
                        ? await api.EditOriginalResponseAsync(application!, token!, pieces[i], components, cancellationToken)
                        : await api.CreateFollowupMessageAsync(application!, token!, pieces[i], components, cancellationToken);
                }
                catch (ChatPlatformException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
                {
                    OutboundLog.InteractionExpired(logger, channel, (int)e.StatusCode);
                    viaInteraction = false;
                }
            }

            id ??= await api.CreateMessageAsync(channel, pieces[i], i == 0 && token is null ? replyTo : null, components, DiscordRestClient.Nonce(reply.IdempotencyKey, i), cancellationToken);
            progress.RecordPosted(i, id);
        }

        OutboundLog.Delivered(logger, Platform, reply.IdempotencyKey, pieces.Count);
        return new DeliveredReply(progress.MessageIds);
    }

    private static string Channel(ConversationKey key, IReadOnlyDictionary<string, string> context) =>
        context.TryGetValue(DiscordReplyContext.ChannelId, out var channel) ? channel : key.Channel;
}
