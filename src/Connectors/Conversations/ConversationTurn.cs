namespace ChatCouncil.Connectors.Conversations;

/// <summary>
/// One normalized inbound turn of a conversation, whatever the platform.
/// </summary>
/// <param name="EventId">The platform's delivery identity (Slack event_id, GitHub X-GitHub-Delivery, Discord interaction id).</param>
/// <param name="MessageId">The message's own identity (Slack channel+ts or client_msg_id, GitHub comment id, Discord message id), deduplicated on as well.</param>
/// <param name="ReplyContext">What the outbound side needs to answer (Slack response_url, Discord interaction token and application id, GitHub installation id and comment id).</param>
public sealed record ConversationTurn(
    string EventId,
    string MessageId,
    ConversationKey Key,
    TurnKind Kind,
    string AuthorId,
    string AuthorName,
    string Text,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<Uri> Links,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string> ReplyContext);
