using ChatCouncil.Connectors.Formatting;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class SlackMrkdwnTests
{
    [Theory]
    [InlineData("**bold** and __also bold__", "*bold* and *also bold*")]
    [InlineData("*italic* and _italic_", "_italic_ and _italic_")]
    [InlineData("***both***", "*_both_*")]
    [InlineData("~~gone~~", "~gone~")]
    [InlineData("see [the docs](https://example.com/a?b=1&c=2)", "see <https://example.com/a?b=1&amp;c=2|the docs>")]
    [InlineData("<https://example.com>", "<https://example.com>")]
    [InlineData("## Results", "*Results*")]
    [InlineData("# **Big** title", "*Big title*")]
    [InlineData("- one\n* two\n  - nested", "• one\n• two\n  • nested")]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("use `**not bold**` here", "use `**not bold**` here")]
    [InlineData("2 * 3 * 4", "2 * 3 * 4")]
    [InlineData("snake_case_name", "snake_case_name")]
    public void Render_Markdown_IsSlackMrkdwn(string markdown, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.Render(markdown));
    }

    [Fact]
    public void Render_FencedCode_IsKeptVerbatimWithoutLanguage()
    {
        var markdown = "Before **x**\n```python\nprint('**no**' if a < b else [x](y))\n```\nAfter";

        Assert.Equal("Before *x*\n```\nprint('**no**' if a &lt; b else [x](y))\n```\nAfter", SlackMrkdwn.Render(markdown));
    }
}
