using ChatCouncil.Inference.Grammar;

namespace ChatCouncil.Inference.Tests.Grammar;

public sealed class JsonSchemaGrammarErrorTests
{
    [Theory]
    [InlineData("""{"type":"string","pattern":"^a"}""", "pattern", "/pattern")]
    [InlineData("""{"type":"object","properties":{"when":{"type":"string","format":"date-time"}}}""", "format", "/properties/when/format")]
    [InlineData("""{"allOf":[{"type":"string"}]}""", "allOf", "/allOf")]
    [InlineData("""{"type":"array","items":{"type":"integer"},"uniqueItems":true}""", "uniqueItems", "/uniqueItems")]
    [InlineData("""{"type":"integer","maximum":5}""", "maximum", "/maximum")]
    [InlineData("""{"type":"integer","minimum":5}""", "minimum", "/minimum")]
    [InlineData("""{"type":"array","items":[{"type":"string"}]}""", "items", "/items")]
    [InlineData("""{"type":"array","maxItems":100000}""", "maxItems", "/maxItems")]
    [InlineData("""{"$ref":"https://example.com/schema.json"}""", "$ref", "/$ref")]
    [InlineData("""{"$ref":"#/$defs/A","type":"object","$defs":{"A":{}}}""", "type", "/type")]
    [InlineData("""{"anyOf":[{"type":"string"}],"minLength":2}""", "minLength", "/minLength")]
    [InlineData("""{"const":"a","enum":["b"]}""", "enum", "/enum")]
    [InlineData("""{"properties":{"a/b~c":{"requird":["x"]}}}""", "requird", "/properties/a~1b~0c/requird")]
    [InlineData("""{"$defs":{"A":{"not":{}}},"properties":{"a":{"$ref":"#/$defs/A"}}}""", "not", "/$defs/A/not")]
    public void ToGbnf_UnsupportedKeyword_NamesKeywordAndPointer(string schema, string keyword, string location)
    {
        var error = Assert.Throws<JsonSchemaNotSupportedException>(() => JsonSchemaGrammar.ToGbnf(schema));

        Assert.Equal(keyword, error.Keyword);
        Assert.Equal(location, error.KeywordLocation);
        Assert.Contains($"'{keyword}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<NotSupportedException>(error);
    }

    [Theory]
    [InlineData("""{"type":"strin"}""", "/type")]
    [InlineData("""{"type":"object","required":"a"}""", "/required")]
    [InlineData("""{"type":"object","properties":{"a":false}}""", "/properties/a")]
    [InlineData("""{"type":"string","enum":["a",1]}""", "/enum/1")]
    [InlineData("""{"enum":[]}""", "/enum")]
    [InlineData("""{"type":"string","minLength":3,"maxLength":2}""", "/maxLength")]
    [InlineData("""{"type":"array","minItems":-1}""", "/minItems")]
    [InlineData("""{"$ref":"#/$defs/Missing"}""", "/$ref")]
    [InlineData("""{"properties":{"a":42}}""", "/properties/a")]
    [InlineData("""{"type":"integer","const":1.5}""", "/const")]
    public void ToGbnf_MalformedSchema_ThrowsArgumentExceptionWithPointer(string schema, string location)
    {
        var error = Assert.Throws<ArgumentException>(() => JsonSchemaGrammar.ToGbnf(schema));

        Assert.Contains($"'{location}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToGbnf_NotJson_ThrowsArgumentException()
    {
        var error = Assert.Throws<ArgumentException>(() => JsonSchemaGrammar.ToGbnf("{\"type\":"));
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }
}
