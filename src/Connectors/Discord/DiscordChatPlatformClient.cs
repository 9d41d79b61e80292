using System.Net;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Formatting;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Answers Discord conversations. An interaction is answered by editing its deferred response (@original) and
/// posting follow-ups; once its 15-minute token is too old (<see cref="DiscordApiOptions.InteractionTokenWindow"/>) or
/// refused (401/404), the rest goes to the channel through the bot's REST API instead of being lost. A Gateway message
/// gets 👀 as acknowledgement and a reply that references it. A streamed answer edits @original, or a channel message
/// posted at its first words, as it grows. Markdown is Discord's own (tables, which it does not render, go in code
/// blocks); pieces are at most 2000 characters. Channel messages carry a nonce Discord enforces, so a repost after a
/// crash answers the first message. Thread-safe.
/// </summary>
public sealed class DiscordChatPlatformClient(DiscordRestClient api, DeliveryLedger ledger, IOptions<DiscordApiOptions> options, ILogger<DiscordChatPlatformClient> logger, TimeProvider time)
    : IChatPlatformClient
{
    public ChatPlatform Platform => ChatPlatform.Discord;

    public bool IsEnabled => options.Value.Enabled;

    public TimeSpan? StreamInterval => options.Value.StreamEdits ? options.Value.StreamEditInterval : null;

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

    public async Task ShowPartialAsync(OutboundReply answerSoFar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answerSoFar);
        NotEnabled.ThrowIfDisabled(Platform, options.Value.Enabled);
        var target = Target(answerSoFar);

        // A click's answer goes below the clicked message as follow-ups, which come whole.
        if (target.IsClick || string.IsNullOrWhiteSpace(answerSoFar.Text))
        {
            return;
        }

        var first = MessageSplitter.Split(MarkdownTables.Fence(answerSoFar.Text), options.Value.MessageLimit)[0];
        await ledger.StreamAsync(Platform, answerSoFar.IdempotencyKey, async (progress, ct) =>
        {
            if (target.ViaInteraction)
            {
                var id = await api.EditOriginalResponseAsync(target.Application!, target.Token!, first, null, ct);
                if (!progress.TryGetPosted(0, out _))
                {
                    await progress.RecordAsync(0, id, final: false, ct);
                }
            }
            else if (progress.TryGetPosted(0, out var id))
            {
                await api.EditMessageAsync(target.Channel, id, first, null, ct);
            }
            else
            {
                await PostAsync(progress, answerSoFar.IdempotencyKey, 0, target, first, null, final: false, ct);
            }
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
        var target = Target(reply);
        if (target.Stale)
        {
            OutboundLog.InteractionTokenTooOld(logger, target.Channel);
        }

        var pieces = MessageSplitter.Split(MarkdownTables.Fence(reply.Text), options.Value.MessageLimit);
        reply.ReplyContext.TryGetValue(ApprovalButtons.ContextKey, out var approval);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (progress.IsFinal(i))
            {
                continue;
            }

            var components = approval is not null && i == pieces.Count - 1 ? DiscordComponents.ApprovalButtons(approval) : null;
            if (target.ViaInteraction)
            {
                try
                {
                    // A click's @original is the message holding the buttons (a deferred update): answer below it instead.
                    var id = i == 0 && !target.IsClick
                        ? await api.EditOriginalResponseAsync(target.Application!, target.Token!, pieces[i], components, cancellationToken)
                        : await api.CreateFollowupMessageAsync(target.Application!, target.Token!, pieces[i], components, cancellationToken);
                    await progress.RecordAsync(i, id, final: true, cancellationToken);
                    continue;
                }
                catch (ChatPlatformException e) when (e.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
                {
                    OutboundLog.InteractionExpired(logger, target.Channel, (int)e.StatusCode);
                    target = target with { ViaInteraction = false };
                }
            }

            if (progress.TryGetPosted(i, out var streamed))
            {
                var id = await TryEditAsync(target.Channel, streamed, pieces[i], components, cancellationToken)
                    ? streamed
                    : await CreateAsync(target, reply.IdempotencyKey, i, pieces[i], components, cancellationToken);
                await progress.RecordAsync(i, id, final: true, cancellationToken);
                continue;
            }

            await PostAsync(progress, reply.IdempotencyKey, i, target, pieces[i], components, final: true, cancellationToken);
        }

        OutboundLog.Delivered(logger, Platform, reply.IdempotencyKey, pieces.Count);
        return new DeliveredReply(progress.MessageIds);
    }

    /// <summary>
    /// Edits a streamed channel message; false when it cannot be (a streamed @original whose token has run out is not
    /// the bot's to edit through the channel), so the piece is posted to the channel instead.
    /// </summary>
    private async Task<bool> TryEditAsync(string channel, string messageId, string content, System.Text.Json.Nodes.JsonArray? components, CancellationToken cancellationToken)
    {
        try
        {
            await api.EditMessageAsync(channel, messageId, content, components, cancellationToken);
            return true;
        }
        catch (ChatPlatformException e) when (!e.IsTransient)
        {
            return false;
        }
    }

    /// <summary>
    /// A channel message with the piece's nonce: Discord answers a repeat (after a crash) with the first message, as it
    /// was, so a repeat of an unconfirmed post is edited to this text.
    /// </summary>
    private async Task PostAsync(DeliveryProgress progress, string key, int piece, DiscordTarget target, string content, System.Text.Json.Nodes.JsonArray? components, bool final, CancellationToken cancellationToken)
    {
        var repeat = progress.IsUnconfirmed(piece);
        var id = await progress.PostOnceAsync(
            piece,
            final && !repeat,
            null,
            ct => CreateAsync(target, key, piece, content, components, ct),
            cancellationToken);
        if (final && repeat)
        {
            await api.EditMessageAsync(target.Channel, id, content, components, cancellationToken);
            await progress.RecordAsync(piece, id, final: true, cancellationToken);
        }
    }

    private Task<string> CreateAsync(DiscordTarget target, string key, int piece, string content, System.Text.Json.Nodes.JsonArray? components, CancellationToken cancellationToken) =>
        api.CreateMessageAsync(target.Channel, content, piece == 0 && target.Token is null ? target.ReplyTo : null, components, DiscordRestClient.Nonce(key, piece), cancellationToken);

    private DiscordTarget Target(OutboundReply reply)
    {
        var context = reply.ReplyContext;
        context.TryGetValue(DiscordReplyContext.InteractionToken, out var token);
        var application = context.TryGetValue(DiscordReplyContext.ApplicationId, out var app) ? app : options.Value.ApplicationId;
        var stale = token is not null
            && DiscordSnowflake.Time(context.GetValueOrDefault(DiscordReplyContext.InteractionId)) is { } at
            && time.GetUtcNow() - at > options.Value.InteractionTokenWindow;
        context.TryGetValue(DiscordReplyContext.MessageId, out var replyTo);
        return new DiscordTarget(
            Channel(reply.Key, context),
            token,
            application,
            ViaInteraction: token is not null && application is not null && !stale,
            Stale: stale,
            IsClick: context.ContainsKey(DiscordReplyContext.CustomId),
            replyTo);
    }

    private static string Channel(ConversationKey key, IReadOnlyDictionary<string, string> context) =>
        context.TryGetValue(DiscordReplyContext.ChannelId, out var channel) ? channel : key.Channel;

    private sealed record DiscordTarget(string Channel, string? Token, string? Application, bool ViaInteraction, bool Stale, bool IsClick, string? ReplyTo);
}
