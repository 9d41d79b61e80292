using System.Text.Json;
using ChatCouncil.Inference.Generation;
using ChatCouncil.Inference.Grammar;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.Inference.Tests.Generation;

/// <summary>Grammar-constrained sampling with the real library: a random-weight model still emits valid JSON of the schema.</summary>
[Collection(LlamaTests.Name)]
public sealed class GrammarGenerationTests(LlamaFixture fixture) : IDisposable
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "tool": { "enum": ["search", "remember", "reply"] },
            "count": { "type": "integer" },
            "query": { "type": "string", "maxLength": 12 },
            "urgent": { "type": "boolean" }
          },
          "required": ["tool", "count", "query", "urgent"],
          "additionalProperties": false
        }
        """;

    private readonly GenerationScheduler _scheduler = new(fixture.CpuModel, new SchedulerSettings { ParallelSequences = 4, ContextPerSequence = 512 }, NullLogger.Instance);

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public async Task Generate_WithJsonSchemaGrammar_EveryTryParsesAndFitsTheSchema()
    {
        var grammar = JsonSchemaGrammar.ToGbnf(Schema);
        for (uint seed = 1; seed <= 8; seed++)
        {
            var (text, summary) = await GenerationSchedulerTests.RunAsync(_scheduler, $"call a tool {seed}", 200,
                sampling: new SamplingSettings { Temperature = 1.0f, Seed = seed, Grammar = grammar });

            Assert.Equal(FinishReason.Stop, summary.FinishReason);
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            Assert.Equal(4, root.EnumerateObject().Count());
            Assert.Contains(root.GetProperty("tool").GetString(), new[] { "search", "remember", "reply" });
            Assert.Equal(JsonValueKind.Number, root.GetProperty("count").ValueKind);
            Assert.True(root.GetProperty("count").TryGetInt64(out _));
            Assert.True(root.GetProperty("query").GetString()!.Length <= 12);
            Assert.True(root.GetProperty("urgent").ValueKind is JsonValueKind.True or JsonValueKind.False);
        }
    }
}
