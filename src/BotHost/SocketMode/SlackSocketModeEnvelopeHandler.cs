using System.Text.Json;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Slack;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.SocketMode;

/// <summary>
/// Turns Socket Mode envelopes into inbox turns, exactly as the Events API endpoint does with the same
/// body: Slack's envelope payload for <c>events_api</c> is the Events API request body.
/// </summary>
internal sealed partial class SlackSocketModeEnvelopeHandler(InboxIntake intake, IOptions<WebhookOptions> webhooks, ILogger<SlackSocketModeEnvelopeHandler> logger)
    : ISlackEnvelopeHandler
{
    public async Task HandleAsync(SlackEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Type != "events_api")
        {
            LogIgnored(logger, envelope.Type);
            return;
        }

        var parsed = SlackEventParser.Parse(JsonSerializer.SerializeToUtf8Bytes(envelope.Payload), webhooks.Value.Slack.BotUserId);
        if (parsed.Outcome == InboundOutcome.Turn)
        {
            await intake.AcceptAsync(parsed.Turn!, cancellationToken);
        }
        else
        {
            LogIgnored(logger, parsed.Detail ?? parsed.Outcome.ToString());
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "Socket Mode envelope not taken into the inbox: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string reason);
}
