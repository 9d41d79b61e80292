using ChatCouncil.Inference.Generation;

namespace ChatCouncil.Bench;

internal static class BenchRun
{
    /// <summary>
    /// Greedy generation of exactly <paramref name="maxTokens"/> tokens from a token prompt, with no
    /// KV reuse, as the node-llama-cpp peer measures it; returns the engine's summary.
    /// </summary>
    public static async Task<GenerationSummary> GenerateAsync(GenerationScheduler scheduler, int[] prompt, int maxTokens)
    {
        var request = new GenerationRequest
        {
            PromptTokens = prompt,
            MaxTokens = maxTokens,
            IgnoreEndOfGeneration = true,
            ReuseCache = false,
            Sampling = new SamplingSettings { Temperature = 0 },
        };
        GenerationSummary? summary = null;
        await foreach (var chunk in scheduler.GenerateAsync(request))
        {
            summary ??= chunk.Summary;
        }

        return summary ?? throw new InvalidOperationException("The generation ended without a summary.");
    }
}
