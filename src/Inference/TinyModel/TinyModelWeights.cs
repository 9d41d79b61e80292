using ChatCouncil.Inference.Gguf;

namespace ChatCouncil.Inference.TinyModel;

/// <summary>
/// Deterministic random F32 weights for the tiny model, with one designed feature: residual channel 0
/// carries a constant, which the output matrix uses as a per-token bias (the llama architecture has no
/// output bias tensor) to keep control and non-newline byte tokens from being generated.
/// </summary>
internal static class TinyModelWeights
{
    private const float BiasChannel = 1.0f;
    private const float SuppressionWeight = -8.0f;

    public static void AddTo(GgufWriter writer, TinyModelSpec spec)
    {
        int e = spec.EmbeddingLength, v = TinyModelVocabulary.Size, f = spec.FeedForwardLength;
        var kv = spec.HeadDimension * spec.HeadCountKv;

        writer.AddTensor("token_embd.weight", [e, v], Matrix("token_embd.weight", e, v, amplitude: 1.0, (i0, _) => i0 == 0 ? BiasChannel : null));
        writer.AddTensor("output_norm.weight", [e], Ones(e));
        writer.AddTensor("output.weight", [e, v], Matrix("output.weight", e, v, 2.0 / Math.Sqrt(e), OutputBias));

        for (var layer = 0; layer < spec.BlockCount; layer++)
        {
            var p = $"blk.{layer}.";
            writer.AddTensor(p + "attn_norm.weight", [e], Ones(e));
            writer.AddTensor(p + "attn_q.weight", [e, e], Matrix(p + "attn_q.weight", e, e));
            writer.AddTensor(p + "attn_k.weight", [e, kv], Matrix(p + "attn_k.weight", e, kv));
            writer.AddTensor(p + "attn_v.weight", [e, kv], Matrix(p + "attn_v.weight", e, kv));
            writer.AddTensor(p + "attn_output.weight", [e, e], Matrix(p + "attn_output.weight", e, e, KeepChannelZeroConstant));
            writer.AddTensor(p + "ffn_norm.weight", [e], Ones(e));
            writer.AddTensor(p + "ffn_gate.weight", [e, f], Matrix(p + "ffn_gate.weight", e, f));
            writer.AddTensor(p + "ffn_up.weight", [e, f], Matrix(p + "ffn_up.weight", e, f));
            writer.AddTensor(p + "ffn_down.weight", [f, e], Matrix(p + "ffn_down.weight", f, e, KeepChannelZeroConstant));
        }
    }

    private static float? OutputBias(int i0, int token) =>
        i0 != 0 ? null : TinyModelVocabulary.IsSuppressed(token) ? SuppressionWeight : 0f;

    // Layers write nothing into channel 0, so it stays at BiasChannel through the residual stream.
    private static float? KeepChannelZeroConstant(int i0, int i1) => i1 == 0 ? 0f : null;

    private static float[] Ones(int length)
    {
        var values = new float[length];
        Array.Fill(values, 1f);
        return values;
    }

    private static float[] Matrix(string name, int ne0, int ne1, Func<int, int, float?>? fixedValue = null) =>
        Matrix(name, ne0, ne1, 1.0 / Math.Sqrt(ne0), fixedValue);

    /// <summary>Uniform in ±amplitude, row-major with ne0 contiguous (ggml order); fixedValue overrides entries.</summary>
    private static float[] Matrix(string name, int ne0, int ne1, double amplitude, Func<int, int, float?>? fixedValue)
    {
        var random = new StableRandom(name);
        var values = new float[ne0 * ne1];
        for (var i1 = 0; i1 < ne1; i1++)
        {
            for (var i0 = 0; i0 < ne0; i0++)
            {
                // Draw for every entry, overridden or not, so each entry's value depends only on its index.
                var drawn = (float)(random.NextSigned() * amplitude);
                values[(i1 * ne0) + i0] = fixedValue?.Invoke(i0, i1) ?? drawn;
            }
        }

        return values;
    }
}
