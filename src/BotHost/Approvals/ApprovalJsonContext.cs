using System.Text.Json.Serialization;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>How reply contexts and message ids are written in the <c>approvals</c> table.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ApprovalJsonContext : JsonSerializerContext;
