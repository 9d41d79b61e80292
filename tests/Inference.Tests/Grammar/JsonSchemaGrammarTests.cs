using ChatCouncil.Inference.Grammar;

namespace ChatCouncil.Inference.Tests.Grammar;

/// <summary>Structural properties that hold for every schema, beyond the golden files.</summary>
public sealed class JsonSchemaGrammarTests
{
    [Theory]
    [InlineData("""{"type":"string"}""", "\"a\"", "1")]
    [InlineData("""{"type":"integer"}""", "-12", "1.0")]
    [InlineData("""{"type":"number","minimum":0}""", "0.25", "-0.25")]
    [InlineData("""{"type":["integer","null"]}""", "null", "\"1\"")]
    [InlineData("""{"type":"boolean"}""", "false", "0")]
    [InlineData("""{"type":"null"}""", "null", "\"null\"")]
    [InlineData("""{"type":"string","maxLength":3}""", "\"\\u00e9ab\"", "\"abcd\"")]
    [InlineData("""{"enum":["a", 1, false, null, [1], {"x":1}]}""", "[1]", "[ 1 ]")]
    [InlineData("""{"const":"x"}""", "\"x\"", "\"y\"")]
    [InlineData("""{}""", "[{\"any\":\"thing\"}]", "{")]
    [InlineData("""true""", "3", "")]
    [InlineData("""{"type":"object"}""", "{\"free\":[1]}", "[]")]
    [InlineData("""{"type":"object","additionalProperties":false}""", "{}", "{\"a\":1}")]
    [InlineData("""{"maxItems":1}""", "[true]", "[1,2]")]
    [InlineData("""{"type":"array","items":false}""", "[]", "[1]")]
    [InlineData("""{"$ref":"#/$defs/L","$defs":{"L":{"anyOf":[{"type":"null"},{"type":"array","items":{"$ref":"#/$defs/L"}}]}}}""", "[[null],[[]]]", "[[1]]")]
    [InlineData("""{"type":"object","properties":{"next":{"$ref":"#"}}}""", "{\"next\":{\"next\":{}}}", "{\"next\":1}")]
    public void ToGbnf_Schema_AcceptsValidAndRejectsInvalid(string schema, string valid, string invalid)
    {
        var matcher = new GbnfMatcher(JsonSchemaGrammar.ToGbnf(schema));

        Assert.True(matcher.Matches(valid), valid);
        Assert.False(matcher.Matches(invalid), invalid);
    }

    [Fact]
    public void ToGbnf_PropertyNamedLikeAPrimitive_GetsItsOwnRule()
    {
        var grammar = JsonSchemaGrammar.ToGbnf("""
            {"type":"object","properties":{"string":{"enum":["s"]},"space":{"type":"string","maxLength":1}},"required":["string","space"]}
            """);
        var matcher = new GbnfMatcher(grammar);

        Assert.Contains("\nstring1 ::= ", grammar, StringComparison.Ordinal);
        Assert.Contains("\nspace ::= ( \" \" |", grammar, StringComparison.Ordinal);
        Assert.True(matcher.Matches("{\"string\":\"s\",\"space\":\"x\"}"));
        Assert.False(matcher.Matches("{\"string\":\"t\",\"space\":\"x\"}"));
    }

    [Fact]
    public void ToGbnf_SameSchema_GivesSameGrammar()
    {
        const string Schema = """{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"integer"}},"required":["b"]}""";

        Assert.Equal(JsonSchemaGrammar.ToGbnf(Schema), JsonSchemaGrammar.ToGbnf(Schema));
        Assert.StartsWith("root ::= ", JsonSchemaGrammar.ToGbnf(Schema), StringComparison.Ordinal);
    }
}
