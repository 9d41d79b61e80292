using ChatCouncil.BotHost.Commands;

namespace ChatCouncil.BotHost.Tests.Commands;

/// <summary>A command's text splits into a case-insensitive sub-command and the rest, trimmed, inner lines kept.</summary>
public sealed class CouncilInvocationTests
{
    [Theory]
    [InlineData("ask what is new?", "ask", "what is new?")]
    [InlineData("  ASK \t what is new?  ", "ask", "what is new?")]
    [InlineData("ask\nline one\nline two", "ask", "line one\nline two")]
    [InlineData("status", "status", "")]
    [InlineData("Help me", "help", "me")]
    [InlineData("", "", "")]
    [InlineData("   ", "", "")]
    public void Parse_Text_SplitsSubCommandFromArgument(string text, string subCommand, string argument)
    {
        Assert.Equal(new CouncilInvocation(subCommand, argument), CouncilInvocation.Parse(text));
    }

    [Fact]
    public void DiscordDefinition_HasOneSubCommandPerHelpLine()
    {
        var council = Assert.Single(CouncilCommand.DiscordDefinition());
        var names = council!["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>());

        Assert.Equal(CouncilCommand.SubCommands.Select(s => s.Name), names);
        Assert.All(CouncilCommand.SubCommands, s => Assert.Contains($"`{s.Usage}`", CouncilCommand.HelpText(), StringComparison.Ordinal));
    }
}
