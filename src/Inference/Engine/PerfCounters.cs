namespace ChatCouncil.Inference.Engine;

/// <summary>llama.cpp's decode-only timings (<c>llama_perf_context</c>).</summary>
public readonly record struct PerfCounters(double PromptMilliseconds, int PromptTokens, double EvalMilliseconds, int EvalTokens)
{
    public double PromptTokensPerSecond => PromptMilliseconds <= 0 ? 0 : PromptTokens * 1000.0 / PromptMilliseconds;

    public double EvalTokensPerSecond => EvalMilliseconds <= 0 ? 0 : EvalTokens * 1000.0 / EvalMilliseconds;
}
