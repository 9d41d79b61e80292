using System.Text;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.Connectors.Tests.Slack;

public sealed class SlackEventParserTests
{
    [Fact]
    public void Parse_MentionAndMessageEventsOfOneMessage_ShareTheMessageIdentity()
    {
        // Slack sends both an app_mention and a message event for one message in a channel the bot is in.
        var mention = SlackEventParser.Parse(Callback("Ev1", "app_mention", user: "U1", ts: "1700000000.000100"));
        var message = SlackEventParser.Parse(Callback("Ev2", "message", user: "U1", ts: "1700000000.000100"));

        Assert.NotEqual(mention.Turn!.EventId, message.Turn!.EventId);
        Assert.Equal(mention.Turn.MessageId, message.Turn.MessageId);
        Assert.Equal(TurnKind.Mention, mention.Turn.Kind);
    }

    [Fact]
    public void Parse_ReplyInThread_KeysTheConversationByTheParentTs()
    {
        var parent = SlackEventParser.Parse(Callback("Ev1", "message", user: "U1", ts: "1700000000.000100"));
        var reply = SlackEventParser.Parse(Callback("Ev2", "message", user: "U2", ts: "1700000001.000100", threadTs: "1700000000.000100"));

        Assert.Equal(parent.Turn!.Key, reply.Turn!.Key);
        Assert.Equal("1700000000.000100", reply.Turn.ReplyContext["thread_ts"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_001_000), reply.Turn.At);
    }

    [Fact]
    public void Parse_OwnUserWithoutBotId_IsIgnoredOnlyWhenTheBotUserIsKnown()
    {
        var body = Callback("Ev1", "message", user: "UB", ts: "1700000000.000100");

        Assert.Equal(InboundOutcome.Ignored, SlackEventParser.Parse(body, "UB").Outcome);
        Assert.Equal(InboundOutcome.Turn, SlackEventParser.Parse(body, "UOTHER").Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"challenge":"c"}""")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","team_id":"T1","event":{"type":"message","user":"U1","text":"no channel","ts":"1.2"}}""")]
    public void Parse_MalformedBody_IsMalformedWithAReason(string body)
    {
        var parsed = SlackEventParser.Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(InboundOutcome.Malformed, parsed.Outcome);
        Assert.False(string.IsNullOrEmpty(parsed.Detail));
    }

    [Fact]
    public void Parse_FormWithPlusAndPercentEncoding_DecodesBoth()
    {
        var form = SlackForm.Parse("text=ask+what%27s+up%3F&user_id=U1&empty="u8);

        Assert.Equal("ask what's up?", form!["text"]);
        Assert.Equal("", form["empty"]);
    }

    [Fact]
    public void Parse_MessagesAcrossChannels_IdentitiesSortByTimeAndDifferByChannel()
    {
        // The inbox's unique index on message identities then grows at its end instead of at one place per channel.
        var first = SlackEventParser.Parse(Callback("Ev1", "message", user: "U1", ts: "1700000000.000100", channel: "CZZZ")).Turn!;
        var second = SlackEventParser.Parse(Callback("Ev2", "message", user: "U1", ts: "1700000000.000200", channel: "CAAA")).Turn!;
        var sameTimeElsewhere = SlackEventParser.Parse(Callback("Ev3", "message", user: "U1", ts: "1700000000.000200", channel: "CBBB")).Turn!;

        Assert.True(string.CompareOrdinal(first.MessageId, second.MessageId) < 0);
        Assert.NotEqual(second.MessageId, sameTimeElsewhere.MessageId);
    }

    private static byte[] Callback(string eventId, string type, string user, string ts, string? threadTs = null, string channel = "C1")
    {
        var thread = threadTs is null ? "" : ",\"thread_ts\":\"" + threadTs + "\"";
        return Encoding.UTF8.GetBytes(
            $$"""{"type":"event_callback","team_id":"T1","event_id":"{{eventId}}","event":{"type":"{{type}}","user":"{{user}}","text":"<@UB> hi","ts":"{{ts}}","channel":"{{channel}}"{{thread}}""" + "}}");
    }
}
