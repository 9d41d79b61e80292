namespace ChatCouncil.Connectors.Conversations;

/// <summary>
/// One normalized inbound turn of a conversation, whatever the platform. <c>EventId</c> is the
/// platform's delivery identity (Slack event_id, GitHub X-GitHub-Delivery, Discord interaction id);
/// <c>MessageId</c> is the message's own identity (Slack ts+channel or client_msg_id, GitHub comment
/// id, Discord message id), deduplicated on as well; <c>ReplyContext</c> carries what the outbound
/// side needs to answer (Slack response_url, Discord interaction token and application id, GitHub
/// installation id and comment id).
/// </summary>
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
