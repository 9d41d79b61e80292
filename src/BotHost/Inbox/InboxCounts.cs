namespace ChatCouncil.BotHost.Inbox;

/// <summary>How many events wait to be answered (due, retrying or being answered now) and how many are dead letters.</summary>
public sealed record InboxCounts(long Pending, long DeadLetters);
