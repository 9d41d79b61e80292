using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Outbound;

namespace ChatCouncil.Connectors.Slack;

/// <summary>Block Kit payloads the bot sends.</summary>
public static class SlackBlockKit
{
    /// <summary>The text as a mrkdwn section (≤ 3000 characters) followed by Approve (primary) and Reject (danger) buttons.</summary>
    public static JsonArray ApprovalBlocks(string mrkdwn, string approvalToken)
    {
        ArgumentNullException.ThrowIfNull(mrkdwn);
        ArgumentException.ThrowIfNullOrWhiteSpace(approvalToken);
        return
        [
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn },
            },
            new JsonObject
            {
                ["type"] = "actions",
                ["elements"] = new JsonArray(
                    Button("Approve", "primary", ApprovalButtons.ApproveActionId, approvalToken),
                    Button("Reject", "danger", ApprovalButtons.RejectActionId, approvalToken)),
            },
        ];
    }

    private static JsonObject Button(string label, string style, string actionId, string value) => new()
    {
        ["type"] = "button",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = label },
        ["style"] = style,
        ["action_id"] = actionId,
        ["value"] = value,
    };
}
