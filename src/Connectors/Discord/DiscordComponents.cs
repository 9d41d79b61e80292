using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Outbound;

namespace ChatCouncil.Connectors.Discord;

/// <summary>Message components the bot sends.</summary>
public static class DiscordComponents
{
    /// <summary>One action row with Approve (success, style 3) and Reject (danger, style 4) buttons.</summary>
    public static JsonArray ApprovalButtons(string approvalToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(approvalToken);
        if (approvalToken.Length > Outbound.ApprovalButtons.MaxTokenLength)
        {
            throw new ArgumentException($"A Discord custom_id holds at most 100 characters; the approval token may have {Outbound.ApprovalButtons.MaxTokenLength}.", nameof(approvalToken));
        }

        return
        [
            new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(
                    Button("Approve", 3, Outbound.ApprovalButtons.DiscordCustomId(Outbound.ApprovalButtons.ApproveActionId, approvalToken)),
                    Button("Reject", 4, Outbound.ApprovalButtons.DiscordCustomId(Outbound.ApprovalButtons.RejectActionId, approvalToken))),
            },
        ];
    }

    private static JsonObject Button(string label, int style, string customId) => new()
    {
        ["type"] = 2,
        ["style"] = style,
        ["label"] = label,
        ["custom_id"] = customId,
    };
}
