using System.Text.Json;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>Decision clicks and commands in each platform's wire format (see PROTOCOLS.md).</summary>
internal static class ApprovalPayloads
{
    public static string SlackClick(string actionId, string token, string channel, string messageTs, string threadTs, string user, string userName, string actionTs) =>
        "payload=" + Uri.EscapeDataString(JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T1", domain = "acme" },
            user = new { id = user, username = userName, name = userName, team_id = "T1" },
            api_app_id = "A1",
            trigger_id = $"trigger-{actionTs}",
            container = new { type = "message", message_ts = messageTs, channel_id = channel, is_ephemeral = false },
            channel = new { id = channel, name = "deploys" },
            message = new { type = "message", ts = messageTs, thread_ts = threadTs, text = "Approval requested" },
            response_url = "https://hooks.slack.com/actions/T1/1/x",
            actions = new[] { new { action_id = actionId, block_id = "b1", value = token, type = "button", action_ts = actionTs } },
        }));

    public static string DiscordClick(string interactionId, string customId, string guild, string channel, string messageId, string user, string userName) =>
        JsonSerializer.Serialize(new
        {
            type = 3,
            id = interactionId,
            application_id = TestSupport.Fakes.FakeDiscordApi.ApplicationId,
            token = $"interaction-token-{interactionId}",
            version = 1,
            guild_id = guild,
            channel_id = channel,
            member = new { user = new { id = user, username = userName, global_name = userName } },
            message = new { id = messageId, channel_id = channel },
            data = new { component_type = 2, custom_id = customId },
        });

    public static string GitHubComment(long commentId, int number, string body, string login, long userId) =>
        JsonSerializer.Serialize(new
        {
            action = "created",
            issue = new { number, title = "Release 2.0" },
            comment = new { id = commentId, body, user = new { login, id = userId, type = "User" }, created_at = "2026-01-01T00:00:00Z" },
            repository = new { name = "app", full_name = "acme/app", owner = new { login = "acme" } },
            sender = new { login, id = userId, type = "User" },
        });
}
