namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// How a reply asks for a decision: put an opaque, unguessable token under <see cref="ContextKey"/> in
/// <see cref="Conversations.OutboundReply.ReplyContext"/> and the last piece of the reply carries Approve/Reject buttons
/// (Slack Block Kit: <c>action_id</c> approve|reject, <c>value</c> = token; Discord components: <c>custom_id</c>
/// "approve:TOKEN"|"reject:TOKEN") or, on GitHub, the <c>/approve TOKEN</c> and <c>/reject TOKEN</c> comment commands.
/// Binding a click to its request and checking who may decide is the application's job: the token is what it checks.
/// </summary>
public static class ApprovalButtons
{
    public const string ContextKey = "approval_token";

    public const string ApproveActionId = "approve";

    public const string RejectActionId = "reject";

    /// <summary>Discord custom ids are at most 100 characters, "reject:" included.</summary>
    public const int MaxTokenLength = 92;

    public static string DiscordCustomId(string actionId, string token) => $"{actionId}:{token}";
}
