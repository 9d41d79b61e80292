namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Receives the Gateway's dispatches (READY and RESUMED excepted), one at a time and in order. The Gateway does not
/// redeliver: a handler should store the event (the durable inbox) before returning. An exception is logged and the
/// connection goes on.
/// </summary>
public interface IDiscordDispatchHandler
{
    Task HandleAsync(DiscordDispatch dispatch, CancellationToken cancellationToken);
}
