namespace ChatCouncil.BotHost.History;

/// <summary>A conversation. <see cref="Source"/> says where it happens: <c>web</c>, <c>rest</c>, <c>slack:C0123</c>, …</summary>
public sealed record Conversation(Guid Id, string Title, string Source, DateTimeOffset CreatedAt);
