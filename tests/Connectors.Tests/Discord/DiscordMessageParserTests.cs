using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;

namespace ChatCouncil.Connectors.Tests.Discord;

public sealed class DiscordMessageParserTests
{
    [Fact]
    public void Parse_MentionInAGuild_IsATurnWithTheMentionStripped()
    {
        var parsed = DiscordMessageParser.Parse(Message("""{"guild_id":"200","content":"<@B1> deploy status?","mentions":[{"id":"B1"}]}"""), "B1");

        Assert.Equal(InboundOutcome.Turn, parsed.Outcome);
        var turn = parsed.Turn!;
        Assert.Equal("deploy status?", turn.Text);
        Assert.Equal(TurnKind.Mention, turn.Kind);
        Assert.Equal(new ConversationKey(ChatPlatform.Discord, "200", "300", "300"), turn.Key);
        Assert.Equal("702", turn.ReplyContext[DiscordReplyContext.MessageId]);
        Assert.Equal("discord-message:702", turn.EventId);
    }

    [Fact]
    public void Parse_DirectMessage_IsATurnWithoutAMention()
    {
        var parsed = DiscordMessageParser.Parse(Message("""{"content":"hi"}"""), "B1");
        Assert.Equal(InboundOutcome.Turn, parsed.Outcome);
        Assert.Equal("@me", parsed.Turn!.Key.Workspace);
    }

    [Theory]
    [InlineData("""{"guild_id":"200","content":"just chatting"}""")]
    [InlineData("""{"guild_id":"200","content":"<@B1> hi","mentions":[{"id":"B1"}],"author":{"id":"B1","username":"me","bot":true}}""")]
    public void Parse_UnaddressedOrFromABot_IsIgnored(string fields) =>
        Assert.Equal(InboundOutcome.Ignored, DiscordMessageParser.Parse(Message(fields), "B1").Outcome);

    [Fact]
    public void Parse_WithoutAuthor_IsMalformed() =>
        Assert.Equal(InboundOutcome.Malformed, DiscordMessageParser.Parse(JsonDocument.Parse("""{"id":"1","channel_id":"2"}""").RootElement, "B1").Outcome);

    private static JsonElement Message(string fields)
    {
        var extra = JsonDocument.Parse(fields).RootElement;
        var merged = new Dictionary<string, JsonElement>
        {
            ["id"] = JsonDocument.Parse("\"702\"").RootElement,
            ["channel_id"] = JsonDocument.Parse("\"300\"").RootElement,
            ["author"] = JsonDocument.Parse("""{"id":"U9","username":"alice"}""").RootElement,
        };
        foreach (var property in extra.EnumerateObject())
        {
            merged[property.Name] = property.Value;
        }

        return JsonSerializer.SerializeToElement(merged);
    }
}
