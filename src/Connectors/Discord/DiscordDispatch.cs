using System.Text.Json;

namespace ChatCouncil.Connectors.Discord;

/// <summary>One Gateway dispatch (op 0): its event name (MESSAGE_CREATE, …), sequence number and data.</summary>
public sealed record DiscordDispatch(string Type, long Sequence, JsonElement Data);
