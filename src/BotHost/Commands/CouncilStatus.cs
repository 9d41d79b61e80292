using System.Globalization;
using System.Reflection;
using System.Text;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Webhooks;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.Connectors.Slack;
using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Commands;

/// <summary>
/// The facts <c>/council status</c> answers with, read when asked: version, uptime, the configured models and their
/// state, the inbox backlog and dead letters, and for each platform which ways in and out are on. Thread-safe.
/// </summary>
internal sealed class CouncilStatus(
    ModelRegistry models,
    IInboxStore inbox,
    HostUptime uptime,
    ChatPlatformClients clients,
    IOptions<WebhookOptions> webhooks,
    IOptions<SlackSocketModeOptions> socketMode,
    IOptions<DiscordGatewayOptions> gateway)
{
    private static readonly string Version = ReadVersion();

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var counts = await inbox.CountAsync(cancellationToken);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**ChatCouncil {Version}**\n");
        text.Append(CultureInfo.InvariantCulture, $"• Up {Duration(uptime.Uptime)} (since {uptime.StartedAt:yyyy-MM-dd HH:mm} UTC)\n");
        text.Append("• Models: ").AppendJoin(", ", models.List().Select(Describe)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"• Inbox: {counts.Pending} waiting, {counts.DeadLetters} dead letter{(counts.DeadLetters == 1 ? "" : "s")}\n");
        text.Append("• Platforms: ").AppendJoin("; ", Enum.GetValues<ChatPlatform>().Select(Describe));
        return text.ToString();
    }

    private static string Describe(ModelStatus model)
    {
        var state = model.State switch
        {
            ModelState.Loaded => "loaded",
            ModelState.Loading => "loading",
            ModelState.Failed => "failed to load",
            _ => "not loaded",
        };
        return model.DefaultFor.Count == 0 ? $"{model.Id} ({state})" : $"{model.Id} ({state}; default for {string.Join(", ", model.DefaultFor)})";
    }

    private string Describe(ChatPlatform platform)
    {
        var inbound = WayIn.All(webhooks.Value, socketMode.Value, gateway.Value)
            .Where(way => way.Platform == platform && way.Enabled).Select(way => way.Name).ToList();
        var replies = clients.IsEnabled(platform);
        return inbound.Count == 0 && !replies
            ? $"{platform} off"
            : $"{platform} in: {(inbound.Count == 0 ? "none" : string.Join(" + ", inbound))}, replies {(replies ? "on" : "off")}";
    }

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m"
        : span.TotalHours >= 1 ? $"{span.Hours}h {span.Minutes}m"
        : $"{span.Minutes}m {span.Seconds}s";

    // "1.2.3+<commit>" from the build; the commit shortened to what people paste.
    private static string ReadVersion()
    {
        var version = typeof(CouncilStatus).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;
    }
}
