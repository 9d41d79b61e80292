using System.Diagnostics;
using ChatCouncil.Inference.Engine;

namespace ChatCouncil.Bench;

/// <summary>
/// llama_decode alone, one token for each of N sequences per call: the ceiling any scheduler can
/// reach by batching on this machine, measured next to ChatCouncil's concurrency figures.
/// </summary>
internal static class RawDecodeProbe
{
    public static int Run(BenchArgs args)
    {
        using var model = BenchModel.Load(args, out _);
        foreach (var n in new[] { 1, 2, 4, 8 })
        {
            using var context = LlamaContext.Create(model, new ContextSettings { ContextLength = 512 * 8, BatchSize = 512, Sequences = 8, Threads = args.GetInt("threads", 1) });
            using var batch = new TokenBatch(512);
            var steps = args.GetInt("steps", 200);
            var clock = new Stopwatch();
            for (var step = 0; step < steps; step++)
            {
                batch.Clear();
                for (var s = 0; s < n; s++)
                {
                    batch.Add(10 + s, step, s, wantLogits: true);
                }

                if (step == 10)
                {
                    clock.Start();
                }

                context.Decode(batch);
            }

            clock.Stop();
            var perStep = clock.Elapsed.TotalMilliseconds / (steps - 10);
            Console.WriteLine($"{{\"peer\":\"llama_decode\",\"sequences\":{n},\"msPerDecode\":{perStep:F3},\"tokPerSec\":{n * 1000 / perStep:F0}}}");
        }

        return 0;
    }
}
