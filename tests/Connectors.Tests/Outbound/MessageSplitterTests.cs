using ChatCouncil.Connectors.Formatting;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class MessageSplitterTests
{
    [Fact]
    public void Split_ShortText_IsOnePiece()
    {
        Assert.Equal(["hello world"], MessageSplitter.Split("hello world", 2000));
    }

    [Fact]
    public void Split_EmptyText_IsNoPiece()
    {
        Assert.Empty(MessageSplitter.Split("\n\n", 2000));
    }

    [Fact]
    public void Split_Paragraphs_CutsBetweenParagraphsAndKeepsEveryWord()
    {
        var paragraphs = Enumerable.Range(0, 30).Select(i => $"Paragraph {i} " + string.Join(' ', Enumerable.Repeat("word", 40))).ToList();
        var text = string.Join("\n\n", paragraphs);

        var pieces = MessageSplitter.Split(text, 2000);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 2000));
        Assert.All(pieces, p => Assert.StartsWith("Paragraph ", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Join("\n\n", pieces));
    }

    [Fact]
    public void Split_OneLongLine_CutsAtWords()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"w{i}"));

        var pieces = MessageSplitter.Split(text, 100);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 100));
        Assert.Equal(text, string.Join(' ', pieces));
    }

    [Fact]
    public void Split_WordLongerThanLimit_CutsItWithoutSplittingSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("ab😀", 100));

        var pieces = MessageSplitter.Split(text, 50);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 50));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public void Split_CodeBlockThatFits_IsKeptWhole()
    {
        var code = "```csharp\nvar a = 1;\n\nvar b = 2;\n```";
        var text = string.Join(' ', Enumerable.Repeat("prose", 15)) + "\n\n" + code + "\n\nafter";

        var pieces = MessageSplitter.Split(text, code.Length + 10);

        Assert.Contains(pieces, p => p.Contains(code, StringComparison.Ordinal));
        Assert.All(pieces, p => Assert.Equal(0, p.Split('\n').Count(l => l.StartsWith("```", StringComparison.Ordinal)) % 2));
    }

    [Fact]
    public void Split_CodeBlockLongerThanLimit_ClosesAndReopensTheFenceInEveryPiece()
    {
        var lines = Enumerable.Range(0, 200).Select(i => $"    line_{i}();").ToList();
        var text = "Intro.\n\n```python\n" + string.Join('\n', lines) + "\n```\n\nOutro.";

        var pieces = MessageSplitter.Split(text, 300);

        var codePieces = pieces.Where(p => p.Contains("line_", StringComparison.Ordinal)).ToList();
        Assert.True(codePieces.Count > 1);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 300));
        Assert.All(codePieces, p =>
        {
            var fences = p.Split('\n').Where(l => l.StartsWith("```", StringComparison.Ordinal)).ToList();
            Assert.Equal(["```python", "```"], fences);
        });
        var rejoined = string.Join('\n', codePieces.SelectMany(p => p.Split('\n')).Where(l => l.StartsWith("    ", StringComparison.Ordinal)));
        Assert.Equal(string.Join('\n', lines), rejoined);
        Assert.EndsWith("```\n\nOutro.", pieces[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(3000)]
    [InlineData(65536)]
    public void Split_AnyText_NoPieceExceedsTheLimit(int limit)
    {
        var random = new Random(limit);
        var words = Enumerable.Range(0, limit / 2).Select(_ => new string('x', random.Next(1, 30)) + (random.Next(10) == 0 ? "\n" : random.Next(20) == 0 ? "\n\n```\n" : " "));
        var text = string.Concat(words);

        var pieces = MessageSplitter.Split(text, limit);

        Assert.NotEmpty(pieces);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, limit));
    }
}
