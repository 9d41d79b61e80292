namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// One piece of a reply as the outbox knows it: its message id (null while its post is unconfirmed), whether it
/// holds its final text, and when its post began (the platform's history is searched from there).
/// </summary>
public sealed record OutboxPiece(int Index, string? MessageId, bool Final, DateTimeOffset BeganAt);
