using System.Security.Cryptography;
using ChatCouncil.Inference.Engine;
using ChatCouncil.Inference.Native;

namespace ChatCouncil.Inference.Generation;

/// <summary>A native sampler chain built from <see cref="SamplingSettings"/>; owns every sampler in it.</summary>
public sealed class SamplerChain : IDisposable
{
    private readonly SafeLlamaSamplerHandle _chain;

    private SamplerChain(SafeLlamaSamplerHandle chain) => _chain = chain;

    public static SamplerChain Create(LlamaModel model, SamplingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var chain = LlamaNative.llama_sampler_chain_init(new LlamaSamplerChainParams { NoPerf = 1 });
        try
        {
            if (!string.IsNullOrWhiteSpace(settings.Grammar))
            {
                var grammar = LlamaNative.llama_sampler_init_grammar(model.Vocab, settings.Grammar, "root");
                if (grammar == IntPtr.Zero)
                {
                    throw new InvalidGrammarException("The GBNF grammar is invalid (llama.cpp's parser rejected it; it must define a rule named root).");
                }

                LlamaNative.llama_sampler_chain_add(chain, grammar);
            }

            if (settings.RepeatPenalty != 1.0f || settings.FrequencyPenalty != 0 || settings.PresencePenalty != 0)
            {
                LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_penalties(
                    model.VocabSize, settings.RepeatLastN, settings.RepeatPenalty, settings.FrequencyPenalty, settings.PresencePenalty));
            }

            if (settings.Temperature <= 0)
            {
                LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_greedy());
                return new SamplerChain(chain);
            }

            if (settings.TopK > 0)
            {
                LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_top_k(settings.TopK));
            }

            if (settings.TopP is > 0 and < 1)
            {
                LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_top_p(settings.TopP, 1));
            }

            if (settings.MinP is > 0 and < 1)
            {
                LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_min_p(settings.MinP, 1));
            }

            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_temp(settings.Temperature));
            var seed = settings.Seed ?? (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_dist(seed));
            return new SamplerChain(chain);
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    /// <summary>Samples from the logits at <paramref name="batchIndex"/> and accepts the token into the chain.</summary>
    public int Sample(LlamaContext context, int batchIndex)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LlamaNative.llama_sampler_sample(_chain, context.Handle, batchIndex);
    }

    public void Dispose() => _chain.Dispose();
}
