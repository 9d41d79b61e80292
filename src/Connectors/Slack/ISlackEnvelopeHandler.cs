namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// Receives Socket Mode envelopes one at a time. The envelope is acknowledged only after this returns, so a handler
/// stores it (the durable inbox) before returning, within Slack's 3 seconds; if it throws, the envelope is not
/// acknowledged and Slack delivers it again.
/// </summary>
public interface ISlackEnvelopeHandler
{
    Task HandleAsync(SlackEnvelope envelope, CancellationToken cancellationToken);
}
