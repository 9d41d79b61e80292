using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

public sealed record SlackPostedMessage(string Channel, string Ts, string? ThreadTs, string? Text, JsonElement? Blocks);
