using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>An approval request as the REST API shows it: no reply context, no token.</summary>
public sealed record ApprovalResponse(
    Guid Id,
    ChatPlatform Platform,
    string Workspace,
    string Channel,
    string Thread,
    string Summary,
    string RequestedBy,
    ApprovalStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? PostedAt,
    IReadOnlyList<string> MessageIds,
    ApprovalDecision? Decision,
    string? RequestKey)
{
    public static ApprovalResponse From(ApprovalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Conversation;
        return new ApprovalResponse(request.Id, key.Platform, key.Workspace, key.Channel, key.Thread, request.Summary, request.RequestedBy,
            request.Status, request.CreatedAt, request.ExpiresAt, request.PostedAt, request.MessageIds, request.Decision, request.RequestKey);
    }
}
