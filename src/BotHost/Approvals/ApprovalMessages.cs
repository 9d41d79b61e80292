using System.Globalization;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>The text of a request's message: open (above its buttons) and closed (the buttons replaced by the outcome).</summary>
internal static class ApprovalMessages
{
    public static string Open(ApprovalRequest request) =>
        $"**Approval requested** by {request.RequestedBy}: {request.Summary}\nExpires {Time(request.ExpiresAt)}.";

    public static string Closed(ApprovalRequest request)
    {
        var outcome = request.Decision is { } d
            ? $"{(d.Action == ApprovalAction.Approve ? "Approved" : "Rejected")} by {d.UserName} at {Time(d.At)}."
            : $"Expired at {Time(request.ExpiresAt)} without a decision.";
        return $"**Approval requested** by {request.RequestedBy}: {request.Summary}\n{outcome}";
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
