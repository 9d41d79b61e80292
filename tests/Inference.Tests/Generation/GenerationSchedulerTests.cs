using System.Text;
using ChatCouncil.Inference.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.Inference.Tests.Generation;

[Collection(LlamaTests.Name)]
public sealed class GenerationSchedulerTests(LlamaFixture fixture) : IDisposable
{
    private static readonly SamplingSettings Greedy = new() { Temperature = 0 };
    private readonly GenerationScheduler _scheduler = new(fixture.CpuModel, new SchedulerSettings { ParallelSequences = 8, ContextPerSequence = 512, BatchSize = 256 }, NullLogger.Instance);

    public void Dispose() => _scheduler.Dispose();

    [Fact]
    public async Task Generate_Greedy_StreamsMaxTokensWithUsage()
    {
        var (text, summary) = await RunAsync(_scheduler, "Hello there", 24);

        Assert.Equal(FinishReason.Length, summary.FinishReason);
        Assert.Equal(24, summary.CompletionTokens);
        Assert.Equal("Hello there".Length + 1, summary.PromptTokens); // one token per char, plus BOS
        Assert.Equal(24, text.Length);
    }

    [Fact]
    public async Task Generate_EightConversationsAtOnce_EachMatchesItsSoloAnswer()
    {
        var prompts = Enumerable.Range(0, 8).Select(i => $"conversation {i} asks {new string((char)('a' + i), i + 3)}").ToArray();
        var solo = new List<string>();
        foreach (var prompt in prompts)
        {
            solo.Add((await RunAsync(_scheduler, prompt, 32)).Text);
        }

        using var fresh = new GenerationScheduler(fixture.CpuModel, new SchedulerSettings { ParallelSequences = 8, ContextPerSequence = 512, BatchSize = 256 }, NullLogger.Instance);
        var together = await Task.WhenAll(prompts.Select(p => RunAsync(fresh, p, 32)));

        Assert.Equal(solo, together.Select(t => t.Text));
    }

    [Fact]
    public async Task Generate_MoreRequestsThanSequences_AllComplete()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => RunAsync(_scheduler, $"queued request number {i}", 8)));
        Assert.All(results, r => Assert.Equal(8, r.Summary.CompletionTokens));
    }

    [Fact]
    public async Task Generate_FollowUpTurn_ReusesCachedPrefix()
    {
        var first = "<|im_start|>user\nwhat is the council?<|im_end|>\n<|im_start|>assistant\n";
        var (answer, _) = await RunAsync(_scheduler, first, 16);
        var followUp = first + answer + "<|im_end|>\n<|im_start|>user\nand then?<|im_end|>\n<|im_start|>assistant\n";

        var (_, summary) = await RunAsync(_scheduler, followUp, 4);

        var firstTokens = fixture.CpuModel.Tokenize(first, addSpecial: true, parseSpecial: true).Length;
        Assert.True(summary.ReusedPromptTokens >= firstTokens, $"reused {summary.ReusedPromptTokens} of {summary.PromptTokens}, expected at least {firstTokens}");
    }

    [Fact]
    public async Task Generate_ReusedPrefix_GivesTheSameAnswerAsAColdStart()
    {
        const string prompt = "the same prompt twice";
        var cold = await RunAsync(_scheduler, prompt, 20);
        var warm = await RunAsync(_scheduler, prompt, 20);

        Assert.True(warm.Summary.ReusedPromptTokens > 0);
        Assert.Equal(cold.Text, warm.Text);
    }

    [Fact]
    public async Task Generate_StopSequence_EndsBeforeItAndHidesIt()
    {
        var (full, _) = await RunAsync(_scheduler, "stop test", 40);
        var stop = full.Substring(10, 3);
        var expected = full[..full.IndexOf(stop, StringComparison.Ordinal)];

        var (text, summary) = await RunAsync(_scheduler, "stop test", 40, stops: [stop]);

        Assert.Equal(FinishReason.Stop, summary.FinishReason);
        Assert.Equal(expected, text);
    }

    [Fact]
    public async Task Generate_PromptLongerThanContext_ThrowsBeforeStreaming()
    {
        var prompt = new string('x', 600);
        var ex = Assert.Throws<PromptTooLongException>(() => _scheduler.GenerateAsync(new GenerationRequest { Prompt = prompt }));
        Assert.Equal(512, ex.ContextLength);
        Assert.Contains("ContextLength", ex.Message, StringComparison.Ordinal);
        var (_, after) = await RunAsync(_scheduler, "still alive", 2);
        Assert.Equal(2, after.CompletionTokens);
    }

    [Fact]
    public void Generate_InvalidGrammar_ThrowsAndKeepsProcessAlive()
    {
        var request = new GenerationRequest { Prompt = "x", Sampling = Greedy with { Grammar = "root ::= [unterminated" } };
        Assert.Throws<InvalidGrammarException>(() => _scheduler.GenerateAsync(request));
    }

    [Fact]
    public async Task Generate_CancelledMidway_FinishesAsCancelled()
    {
        // A long context, so the answer could run for seconds: the cancel always lands midway.
        using var scheduler = new GenerationScheduler(fixture.CpuModel, new SchedulerSettings { ParallelSequences = 1, ContextPerSequence = 8192 }, NullLogger.Instance);
        using var cts = new CancellationTokenSource();
        var request = new GenerationRequest { Prompt = "cancel me", MaxTokens = 8000, Sampling = Greedy };
        var received = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in scheduler.GenerateAsync(request, cts.Token))
            {
                if (++received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.True(received < 8000);
        var (_, next) = await RunAsync(_scheduler, "next one", 3);
        Assert.Equal(3, next.CompletionTokens);
    }

    internal static async Task<(string Text, GenerationSummary Summary)> RunAsync(
        GenerationScheduler scheduler, string prompt, int maxTokens, IReadOnlyList<string>? stops = null, SamplingSettings? sampling = null)
    {
        var text = new StringBuilder();
        GenerationSummary? summary = null;
        var request = new GenerationRequest { Prompt = prompt, MaxTokens = maxTokens, StopSequences = stops ?? [], Sampling = sampling ?? Greedy };
        await foreach (var chunk in scheduler.GenerateAsync(request))
        {
            text.Append(chunk.Text);
            summary ??= chunk.Summary;
        }

        return (text.ToString(), summary ?? throw new InvalidOperationException("no summary"));
    }
}
