using ChatCouncil.Connectors.Formatting;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class MarkdownTablesTests
{
    [Fact]
    public void Fence_Table_IsPutInACodeBlock()
    {
        var markdown = "Results:\n| Model | Score |\n|---|:---:|\n| a | 1 |\n| b | 2 |\nDone.";

        Assert.Equal("Results:\n```\n| Model | Score |\n|---|:---:|\n| a | 1 |\n| b | 2 |\n```\nDone.", MarkdownTables.Fence(markdown));
    }

    [Theory]
    [InlineData("a | b without a separator row")]
    [InlineData("```\n| in | code |\n|---|---|\n```")]
    [InlineData("plain text\n\n- list")]
    public void Fence_NoTableOutsideCode_LeavesTheTextAlone(string markdown)
    {
        Assert.Equal(markdown, MarkdownTables.Fence(markdown));
    }

    [Fact]
    public void SlackRender_FencedTable_KeepsItsPipesAndEscapesOnly()
    {
        var rendered = SlackMrkdwn.Render(MarkdownTables.Fence("| **a** | <b> |\n|---|---|\n| 1 | 2 |"));

        Assert.Equal("```\n| **a** | &lt;b&gt; |\n|---|---|\n| 1 | 2 |\n```", rendered);
    }
}
