using ChatCouncil.Memory.Namespaces;

namespace ChatCouncil.Memory.Tests.Namespaces;

public sealed class MemoryNamespaceTests
{
    [Theory]
    [InlineData("global", MemoryNamespaceKind.Global, "")]
    [InlineData("agent:ops-bot", MemoryNamespaceKind.Agent, "ops-bot")]
    [InlineData("conversation:C042.1700000000_1", MemoryNamespaceKind.Conversation, "C042.1700000000_1")]
    public void Parse_ValidText_RoundTrips(string text, MemoryNamespaceKind kind, string id)
    {
        var ns = MemoryNamespace.Parse(text);

        Assert.Equal(kind, ns.Kind);
        Assert.Equal(id, ns.Id);
        Assert.Equal(text, ns.ToString());
        Assert.Equal(ns, MemoryNamespace.Parse(ns.ToString()));
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("Global", "not a namespace")]
    [InlineData("team:x", "not a namespace")]
    [InlineData("agent:", "empty")]
    [InlineData("agent:a b", "may contain only")]
    [InlineData("agent:a/b", "may contain only")]
    [InlineData("conversation:ü", "may contain only")]
    public void TryParse_InvalidText_FailsWithReason(string text, string reason)
    {
        Assert.False(MemoryNamespace.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => MemoryNamespace.Parse(text));
    }

    [Fact]
    public void TryParse_IdLongerThanLimit_Fails()
    {
        Assert.True(MemoryNamespace.TryParse("agent:" + new string('a', MemoryNamespace.MaxIdLength), out _));
        Assert.False(MemoryNamespace.TryParse("agent:" + new string('a', MemoryNamespace.MaxIdLength + 1), out _));
    }

    [Fact]
    public void Equality_SameIdDifferentKind_AreDifferent()
    {
        Assert.NotEqual(MemoryNamespace.Agent("x"), MemoryNamespace.Conversation("x"));
        Assert.Equal(MemoryNamespace.Agent("x"), MemoryNamespace.Parse("agent:x"));
        Assert.NotEqual(MemoryNamespace.Agent("x"), MemoryNamespace.Agent("X"));
        Assert.Equal(MemoryNamespace.Global, default);
    }

    [Fact]
    public void Agent_InvalidId_Throws() => Assert.Throws<ArgumentException>(() => MemoryNamespace.Agent("no spaces"));
}
