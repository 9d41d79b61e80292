using System.Text.Json.Serialization;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>How a stored turn is written in the inbox's <c>turn</c> column.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationTurn))]
internal sealed partial class InboxJsonContext : JsonSerializerContext;
