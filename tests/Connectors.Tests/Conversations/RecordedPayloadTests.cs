using System.Text.Json;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Tests.Conversations;

public sealed class RecordedPayloadTests
{
    public static TheoryData<string> Payloads => RecordedPayloads.All();

    [Fact]
    public void Resources_EveryPlatform_HasRecordedPayloads()
    {
        var paths = RecordedPayloads.Paths();

        Assert.Equal(["discord", "github", "slack"], paths.Select(p => p.Split('/')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.True(paths.Count >= 20);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Parse_RecordedPayload_MatchesExpectation(string payload)
    {
        var expected = RecordedPayloads.Expected(payload);

        var parsed = RecordedPayloads.Parse(payload);

        Assert.Equal(expected.GetProperty("outcome").GetString(), parsed.Outcome.ToString());
        if (expected.TryGetProperty("detail", out var detail))
        {
            Assert.Equal(detail.GetString(), parsed.Detail);
        }

        if (parsed.Outcome != InboundOutcome.Turn)
        {
            Assert.Null(parsed.Turn);
            return;
        }

        var turn = Assert.IsType<ConversationTurn>(parsed.Turn);
        Assert.Equal(expected.GetProperty("eventId").GetString(), turn.EventId);
        Assert.Equal(expected.GetProperty("messageId").GetString(), turn.MessageId);
        Assert.Equal(expected.GetProperty("key").GetString(), turn.Key.Value);
        Assert.Equal(expected.GetProperty("kind").GetString(), turn.Kind.ToString());
        Assert.Equal(expected.GetProperty("author").GetString(), turn.AuthorId);
        Assert.Equal(Strings(expected, "mentions"), turn.Mentions);
        Assert.Equal(Strings(expected, "links"), turn.Links.Select(l => l.AbsoluteUri));
        if (expected.TryGetProperty("text", out var text))
        {
            Assert.Equal(text.GetString(), turn.Text);
        }

        Assert.NotEqual(default, turn.At);
        Assert.NotEmpty(turn.ReplyContext);
    }

    private static string[] Strings(JsonElement expected, string name) =>
        [.. expected.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
