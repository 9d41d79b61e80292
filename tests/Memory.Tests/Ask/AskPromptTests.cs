using ChatCouncil.Memory.Ask;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Tests.Ask;

public sealed class AskPromptTests
{
    [Fact]
    public void Build_NumbersSourcesAndEndsWithQuestion()
    {
        var messages = AskPrompt.Build("who is on call?", [Hit("oncall", "Ada is on call this week", "Rota"), Hit("misc", "lunch at noon", null)]);

        var user = messages[1].Text;
        Assert.Contains("[1] (Rota) Ada is on call this week", user, StringComparison.Ordinal);
        Assert.Contains("[2] (misc) lunch at noon", user, StringComparison.Ordinal);
        Assert.EndsWith("Question: who is on call?", user, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ada [1] and also [2][3].", 3, new[] { 1, 2, 3 })]
    [InlineData("See [4] and [0] and [x].", 3, new int[0])]
    [InlineData("Nothing cited.", 2, new int[0])]
    public void CitedNumbers_KeepsNumbersWithinTheSources(string answer, int count, int[] expected) =>
        Assert.Equal(expected, AskPrompt.CitedNumbers(answer, count).Order());

    private static MemorySearchHit Hit(string id, string text, string? title) => new(id, 0, text, title, null, MemoryTags.Empty, 0.03, 0.5, 1, 1);
}
