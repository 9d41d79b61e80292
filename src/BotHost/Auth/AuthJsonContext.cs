using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCouncil.BotHost.Auth;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MeResponse))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
