using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;

namespace ChatCouncil.BotHost.SocketMode;

/// <summary>
/// Gateway dispatches into the inbox: READY tells the bot's own user id, MESSAGE_CREATE for the bot
/// (a direct message or a mention) becomes a turn. Everything else is not a conversation.
/// </summary>
internal sealed class DiscordGatewayDispatchHandler(InboxIntake intake) : IDiscordDispatchHandler
{
    private volatile string? _botUserId;

    public async Task HandleAsync(DiscordDispatch dispatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatch);
        switch (dispatch.Type)
        {
            case "READY" when dispatch.Data.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var id):
                _botUserId = id.GetString();
                break;
            case "MESSAGE_CREATE":
                var parsed = DiscordMessageParser.Parse(dispatch.Data, _botUserId);
                if (parsed.Outcome == InboundOutcome.Turn)
                {
                    await intake.AcceptAsync(parsed.Turn!, cancellationToken);
                }

                break;
        }
    }
}
