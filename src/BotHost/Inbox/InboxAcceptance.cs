namespace ChatCouncil.BotHost.Inbox;

public enum InboxAcceptance
{
    /// <summary>Stored; a worker will answer it.</summary>
    Accepted,

    /// <summary>The event or its message was stored before (a retry, a redelivery, a second event id): dropped.</summary>
    Duplicate,
}
