using System.Text.Json;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>How approval fields are written in the <c>approvals</c> table, the same for every backend.</summary>
internal static class ApprovalColumns
{
    public const string Select = """
        SELECT id, request_key, platform, workspace, channel, thread, reply_context, summary, requested_by, status,
               created_at, expires_at, posted_at, message_ids, decided_by_id, decided_by_name, decided_at, decided_platform, decided_event_id
        FROM approvals
        """;

    public static string Status(ApprovalStatus status) => status.ToString().ToLowerInvariant();

    public static ApprovalStatus ParseStatus(string text) => Enum.Parse<ApprovalStatus>(text, ignoreCase: true);

    public static string Platform(ChatPlatform platform) => platform.ToString().ToLowerInvariant();

    public static ChatPlatform ParsePlatform(string text) => Enum.Parse<ChatPlatform>(text, ignoreCase: true);

    public static string Context(IReadOnlyDictionary<string, string> context) =>
        JsonSerializer.Serialize(context, ApprovalJsonContext.Default.IReadOnlyDictionaryStringString);

    public static IReadOnlyDictionary<string, string> ParseContext(string json) =>
        JsonSerializer.Deserialize(json, ApprovalJsonContext.Default.DictionaryStringString) ?? [];

    public static string MessageIds(IReadOnlyList<string> ids) =>
        JsonSerializer.Serialize(ids, ApprovalJsonContext.Default.IReadOnlyListString);

    public static IReadOnlyList<string> ParseMessageIds(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, ApprovalJsonContext.Default.ListString) ?? [];

    /// <summary>The row in <see cref="Select"/>'s column order, with times already converted by the backend.</summary>
    public static ApprovalRequest Read(System.Data.Common.DbDataReader row, Func<int, DateTimeOffset?> time)
    {
        var status = ParseStatus(row.GetString(9));
        var decision = status is ApprovalStatus.Approved or ApprovalStatus.Rejected && !row.IsDBNull(14)
            ? new ApprovalDecision(
                status == ApprovalStatus.Approved ? ApprovalAction.Approve : ApprovalAction.Reject,
                ParsePlatform(row.GetString(17)),
                row.GetString(14),
                row.GetString(15),
                row.GetString(18),
                time(16)!.Value)
            : null;
        return new ApprovalRequest(
            Guid.Parse(row.GetValue(0).ToString()!),
            new ConversationKey(ParsePlatform(row.GetString(2)), row.GetString(3), row.GetString(4), row.GetString(5)),
            ParseContext(row.GetString(6)),
            row.GetString(7),
            row.GetString(8),
            time(10)!.Value,
            time(11)!.Value,
            status,
            decision,
            row.IsDBNull(1) ? null : row.GetString(1),
            time(12),
            ParseMessageIds(row.IsDBNull(13) ? null : row.GetString(13)));
    }
}
