using System.Text.Json;
using ChatCouncil.Inference.Grammar;

namespace ChatCouncil.Inference.Tests.Grammar;

/// <summary>
/// Each Golden/NAME.schema.json converts to exactly Golden/NAME.gbnf, and that grammar accepts the
/// documents listed under "accept" in Golden/NAME.cases.json and rejects those under "reject".
/// The same cases were checked against llama.cpp's own grammar engine when the goldens were made.
/// </summary>
public sealed class JsonSchemaGrammarGoldenTests
{
    private static readonly string GoldenFolder = Path.Combine(AppContext.BaseDirectory, "Grammar", "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(GoldenFolder, "*.schema.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".schema.json".Length]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToGbnf_GoldenSchema_ProducesGoldenGrammar(string name)
    {
        var actual = JsonSchemaGrammar.ToGbnf(Read(name + ".schema.json"));

        Assert.Equal(Read(name + ".gbnf"), actual);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ToGbnf_GoldenSchema_AcceptsValidAndRejectsInvalidDocuments(string name)
    {
        var matcher = new GbnfMatcher(JsonSchemaGrammar.ToGbnf(Read(name + ".schema.json")));
        using var cases = JsonDocument.Parse(Read(name + ".cases.json"));

        foreach (var document in cases.RootElement.GetProperty("accept").EnumerateArray().Select(d => d.GetString()!))
        {
            Assert.True(matcher.Matches(document), $"{name} should accept: {document}");
            using var _ = JsonDocument.Parse(document); // every accepted document is JSON
        }

        foreach (var document in cases.RootElement.GetProperty("reject").EnumerateArray().Select(d => d.GetString()!))
        {
            Assert.False(matcher.Matches(document), $"{name} should reject: {document}");
        }
    }

    [Fact]
    public void Golden_EverySchemaHasGrammarAndCases()
    {
        var schemas = Directory.GetFiles(GoldenFolder, "*.schema.json");

        Assert.True(schemas.Length >= 7, $"golden schemas missing from {GoldenFolder}");
        Assert.All(schemas, schema =>
        {
            Assert.True(File.Exists(schema.Replace(".schema.json", ".gbnf", StringComparison.Ordinal)));
            Assert.True(File.Exists(schema.Replace(".schema.json", ".cases.json", StringComparison.Ordinal)));
        });
    }

    private static string Read(string file) => File.ReadAllText(Path.Combine(GoldenFolder, file));
}
