using ChatCouncil.Inference.Grammar;

namespace ChatCouncil.Inference.Tests.Grammar;

public sealed class AnyJsonGrammarTests
{
    private static readonly GbnfMatcher AnyJson = new(JsonSchemaGrammar.AnyJson);
    private static readonly GbnfMatcher AnyObject = new(JsonSchemaGrammar.AnyJsonObject);

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("0")]
    [InlineData("-0.0e-0")]
    [InlineData("123.456E+7")]
    [InlineData("\"\"")]
    [InlineData("\"esc \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\"")]
    [InlineData("{\"a\": [1, {\"b\": null}], \"c\": \"\\ud83d\\ude00 é\"}")]
    [InlineData("true")]
    [InlineData("null")]
    public void AnyJson_ValidJson_IsAccepted(string json) => Assert.True(AnyJson.Matches(json), json);

    [Theory]
    [InlineData("01")]
    [InlineData("-01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("1e")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("'a'")]
    [InlineData("\"raw\ttab\"")]
    [InlineData("\"\\x41\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("NaN")]
    [InlineData("{\"a\"}")]
    [InlineData("{a:1}")]
    [InlineData("nul")]
    public void AnyJson_InvalidJson_IsRejected(string text) => Assert.False(AnyJson.Matches(text), text);

    [Fact]
    public void AnyJsonObject_AcceptsOnlyObjects()
    {
        Assert.True(AnyObject.Matches("{\"a\": [1, 2]}"));
        Assert.False(AnyObject.Matches("[1, 2]"));
        Assert.False(AnyObject.Matches("\"text\""));
    }

    [Fact]
    public void AnyJson_StartsWithRootAndDefinesEveryRuleOnce()
    {
        Assert.StartsWith("root ::= ", JsonSchemaGrammar.AnyJson, StringComparison.Ordinal);
        Assert.Contains("root", AnyJson.RuleNames);
    }
}
