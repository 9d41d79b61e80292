using System.Diagnostics;
using System.Text.Json;
using ChatCouncil.Inference.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.Bench;

/// <summary>Aggregate generation tokens/s of N simultaneous conversations against one, and time to first token under load.</summary>
internal static class ConcurrencyBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var conversations = args.GetInt("conversations", 8);
        var threads = args.GetInt("threads", 1);
        var promptCount = args.GetInt("prompt-tokens", 64);
        var genCount = args.GetInt("gen-tokens", 128);
        var repeat = args.GetInt("repeat", 3);

        using var model = BenchModel.Load(args, out var path);
        using var scheduler = new GenerationScheduler(model, new SchedulerSettings
        {
            ParallelSequences = conversations,
            ContextPerSequence = Math.Max(256, promptCount + genCount + 8),
            BatchSize = 512,
            Threads = threads,
        }, NullLogger.Instance, "bench");
        var prompt = BenchModel.Prompt(model, promptCount);

        await MeasureAsync(scheduler, prompt, 1, genCount); // warm-up
        for (var i = 0; i < repeat; i++)
        {
            foreach (var n in new[] { 1, conversations })
            {
                var (seconds, ttfts) = await MeasureAsync(scheduler, prompt, n, genCount);
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    peer = "chatcouncil",
                    backend = model.Backend.ToString().ToLowerInvariant(),
                    model = path,
                    threads,
                    conversations = n,
                    genTokensEach = genCount,
                    repeat = i + 1,
                    seconds,
                    aggregateGenTokPerSec = n * genCount / seconds,
                    ttftMsMedian = Median(ttfts),
                    ttftMsMax = ttfts.Max(),
                }));
            }
        }

        return 0;
    }

    private static async Task<(double Seconds, double[] TtftMs)> MeasureAsync(GenerationScheduler scheduler, int[] prompt, int n, int genCount)
    {
        var clock = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, n).Select(async c =>
        {
            // A different first token per conversation, so no two share a cached prefix.
            var tokens = prompt.ToArray();
            tokens[0] = prompt[c % prompt.Length];
            var summary = await BenchRun.GenerateAsync(scheduler, tokens, genCount);
            return summary.TimeToFirstToken.TotalMilliseconds;
        }).ToArray();
        var ttfts = await Task.WhenAll(runs);
        return (clock.Elapsed.TotalSeconds, ttfts);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
