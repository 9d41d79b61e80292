using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>Request bodies in each platform's wire format, small but complete.</summary>
public static class Payloads
{
    private static int _discordSequence;

    /// <summary>
    /// A Discord snowflake minted now (Discord's epoch, 22 low bits of sequence), unique within the test run: interaction
    /// answers depend on the interaction's age (its token lasts 15 minutes), so live-path tests need fresh ids.
    /// </summary>
    public static string FreshDiscordId() => DiscordId(DateTimeOffset.UtcNow, Interlocked.Increment(ref _discordSequence));

    public static string DiscordId(DateTimeOffset at, int sequence = 0) =>
        ((((ulong)(at.ToUnixTimeMilliseconds() - 1_420_070_400_000)) << 22) | ((ulong)sequence & 0x3F_FFFF)).ToString(CultureInfo.InvariantCulture);

    public static string SlackMention(string eventId, string ts, string? thread = null, string channel = "C1", string text = "<@UBOT> hello") =>
        $$$"""
        {"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"{{{eventId}}}","event_time":1700000000,
         "event":{"type":"app_mention","user":"U1","text":"{{{text}}}","ts":"{{{ts}}}","channel":"{{{channel}}}"{{{(thread is null ? "" : $",\"thread_ts\":\"{thread}\"")}}},"event_ts":"{{{ts}}}"}}
        """;

    public static string SlackCommandForm(string triggerId, string text = "ask what is new", Uri? responseUrl = null) =>
        $"token=x&team_id=T1&channel_id=C1&user_id=U1&user_name=alice&command=%2Fcouncil&text={Uri.EscapeDataString(text)}" +
        $"&response_url={Uri.EscapeDataString(responseUrl?.AbsoluteUri ?? "https://hooks.slack.com/commands/T1/1/x")}&trigger_id={triggerId}";

    public static string SlackButtonForm(string actionTs) =>
        "payload=" + Uri.EscapeDataString($$$"""
        {"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1","username":"alice"},"channel":{"id":"C1"},
         "message":{"ts":"1700000000.000100","text":"Approve?"},"response_url":"https://hooks.slack.com/actions/T1/1/x",
         "actions":[{"action_id":"approve","value":"req-1","type":"button","action_ts":"{{{actionTs}}}"}]}
        """);

    public static string DiscordCommand(string id, string channel = "300", string applicationId = "100") =>
        $$$"""
        {"type":2,"id":"{{{id}}}","application_id":"{{{applicationId}}}","token":"tok-{{{id}}}","guild_id":"200","channel_id":"{{{channel}}}",
         "member":{"user":{"id":"400","username":"alice"}},"data":{"name":"council","options":[{"name":"ask","type":1,"options":[{"name":"question","type":3,"value":"hi"}]}]}}
        """;

    /// <summary><c>/council sub-command</c>, with the <c>question</c> option when one is given.</summary>
    public static string DiscordCouncil(string id, string applicationId, string subCommand, string? question = null)
    {
        var options = question is null ? "" : $$$""","options":[{"name":"question","type":3,"value":{{{System.Text.Json.JsonSerializer.Serialize(question)}}}}]""";
        return $$$"""
            {"type":2,"id":"{{{id}}}","application_id":"{{{applicationId}}}","token":"tok-{{{id}}}","guild_id":"200","channel_id":"300",
             "member":{"user":{"id":"400","username":"alice"}},"data":{"id":"600","name":"council","type":1,"options":[{"name":"{{{subCommand}}}","type":1{{{options}}}}]}}
            """;
    }

    public static string DiscordButton(string id) =>
        $$$"""
        {"type":3,"id":"{{{id}}}","application_id":"100","token":"tok-{{{id}}}","guild_id":"200","channel_id":"300",
         "member":{"user":{"id":"400","username":"alice"}},"message":{"id":"500"},"data":{"component_type":2,"custom_id":"approve:req-1"}}
        """;

    public static string GitHubComment(long commentId, int number = 7, string login = "alice", string type = "User") =>
        $$$"""
        {"action":"created","issue":{"number":{{{number}}},"title":"t"},"comment":{"id":{{{commentId}}},"body":"@chatcouncil why?",
         "user":{"login":"{{{login}}}","id":1,"type":"{{{type}}}"},"created_at":"2026-01-01T00:00:00Z"},
         "repository":{"name":"app","full_name":"acme/app","owner":{"login":"acme"}},"sender":{"login":"{{{login}}}","id":1,"type":"{{{type}}}"}}
        """;

    public static HttpRequestMessage Post(string path, string body, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return request;
    }

    public static HttpRequestMessage GitHub(string eventName, string delivery, string body)
    {
        var request = Post("/webhooks/github", body);
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        return request;
    }

    public static string UnixSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
