using System.Text;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.Connectors.Tests.Conversations;

/// <summary>
/// The recorded payloads under Resources/&lt;platform&gt;/&lt;event&gt;/&lt;case&gt;.json, each with its
/// &lt;case&gt;.expected.json, fed to the parser for that platform and event.
/// </summary>
internal static class RecordedPayloads
{
    public const string BotUserId = "U0BOT";
    public const string Delivery = "DELIVERY";

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Resources");

    public static IReadOnlyList<string> Paths() =>
        Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> All() => new(Paths());

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));

    public static JsonElement Expected(string relativePath) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, relativePath[..^".json".Length] + ".expected.json"))).RootElement;

    /// <summary>The body as the platform would send it: form-encoded for Slack commands and interactions.</summary>
    public static byte[] WireBody(string relativePath)
    {
        var raw = Read(relativePath);
        return relativePath.Split('/')[..2] switch
        {
            ["slack", "commands"] => Encoding.UTF8.GetBytes(FormEncode(
                JsonDocument.Parse(raw).RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetString() ?? "")))),
            ["slack", "interactions"] => Encoding.UTF8.GetBytes(FormEncode([("payload", Encoding.UTF8.GetString(raw).Trim())])),
            _ => raw,
        };
    }

    public static InboundEvent Parse(string relativePath)
    {
        var parts = relativePath.Split('/');
        var body = WireBody(relativePath);
        return (parts[0], parts[1]) switch
        {
            ("slack", "events") => SlackEventParser.Parse(body, BotUserId),
            ("slack", "commands") => SlackCommandParser.Parse(body, DateTimeOffset.UnixEpoch),
            ("slack", "interactions") => SlackInteractionParser.Parse(body),
            ("discord", "interactions") => DiscordInteractionParser.Parse(body),
            ("github", var eventName) => GitHubWebhookParser.Parse(eventName, Delivery, body, "chatcouncil"),
            _ => throw new InvalidOperationException($"No parser for {relativePath}."),
        };
    }

    public static string FormEncode(IEnumerable<(string Name, string Value)> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}"));
}
