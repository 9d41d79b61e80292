using System.Text.Json;
using ChatCouncil.Inference.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatCouncil.Bench;

/// <summary>
/// Prompt and generation tokens/s through ChatCouncil's real path (scheduler, sampler, streaming),
/// next to llama.cpp's own decode-only time for the same work (llama_perf_context).
/// </summary>
internal static class BindingBenchmark
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var threads = args.GetInt("threads", 1);
        var batch = args.GetInt("batch", 512);
        var ctx = args.GetInt("ctx", 2048);
        var promptCount = args.GetInt("prompt-tokens", 256);
        var genCount = args.GetInt("gen-tokens", 128);
        var repeat = args.GetInt("repeat", 5);
        var warmup = args.GetInt("warmup", 1);

        using var model = BenchModel.Load(args, out var path);
        using var scheduler = new GenerationScheduler(model, new SchedulerSettings
        {
            ParallelSequences = 1,
            ContextPerSequence = ctx,
            BatchSize = batch,
            Threads = threads,
        }, NullLogger.Instance, "bench");
        var prompt = BenchModel.Prompt(model, promptCount);

        for (var i = -warmup; i < repeat; i++)
        {
            scheduler.ResetPerf();
            var summary = await BenchRun.GenerateAsync(scheduler, prompt, genCount + 1);
            var perf = scheduler.GetPerf();
            if (i < 0)
            {
                continue;
            }

            var promptSeconds = summary.TimeToFirstToken.TotalSeconds;
            var genSeconds = (summary.Elapsed - summary.TimeToFirstToken).TotalSeconds;
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                peer = "chatcouncil",
                backend = model.Backend.ToString().ToLowerInvariant(),
                model = path,
                threads,
                batch,
                ctx,
                promptTokens = summary.PromptTokens,
                genTokens = summary.CompletionTokens - 1,
                repeat = i + 1,
                promptSeconds,
                genSeconds,
                promptTokPerSec = summary.PromptTokens / promptSeconds,
                genTokPerSec = (summary.CompletionTokens - 1) / genSeconds,
                llamaPromptTokPerSec = perf.PromptTokensPerSecond,
                llamaGenTokPerSec = perf.EvalTokensPerSecond,
                llamaPromptTokens = perf.PromptTokens,
                llamaGenTokens = perf.EvalTokens,
            }));
        }

        return 0;
    }
}
