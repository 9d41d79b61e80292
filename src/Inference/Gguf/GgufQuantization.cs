namespace ChatCouncil.Inference.Gguf;

/// <summary>Names a model's quantization the way model files are usually labelled (Q4_K_M, F16…).</summary>
internal static class GgufQuantization
{
    // llama.h enum llama_ftype, stored as general.file_type.
    private static readonly Dictionary<long, string> FileTypeNames = new()
    {
        [0] = "F32", [1] = "F16", [2] = "Q4_0", [3] = "Q4_1", [4] = "Q4_1_SOME_F16", [7] = "Q8_0", [8] = "Q5_0",
        [9] = "Q5_1", [10] = "Q2_K", [11] = "Q3_K_S", [12] = "Q3_K_M", [13] = "Q3_K_L", [14] = "Q4_K_S",
        [15] = "Q4_K_M", [16] = "Q5_K_S", [17] = "Q5_K_M", [18] = "Q6_K", [19] = "IQ2_XXS", [20] = "IQ2_XS",
        [21] = "Q2_K_S", [22] = "IQ3_XS", [23] = "IQ3_XXS", [24] = "IQ1_S", [25] = "IQ4_NL", [26] = "IQ3_S",
        [27] = "IQ3_M", [28] = "IQ2_S", [29] = "IQ2_M", [30] = "IQ4_XS", [31] = "IQ1_M", [32] = "BF16",
        [36] = "TQ1_0", [37] = "TQ2_0", [38] = "MXFP4_MOE", [39] = "NVFP4", [40] = "Q1_0", [41] = "Q2_0",
    };

    public static string Describe(GgufFile file)
    {
        if (file.GetInteger("general.file_type") is { } fileType && FileTypeNames.TryGetValue(fileType, out var name))
        {
            return name;
        }

        return DominantTensorType(file.Tensors)?.ToString() ?? "unknown";
    }

    /// <summary>The type holding the most bytes among matrices (norms and biases stay F32 in quantized files).</summary>
    private static GgmlType? DominantTensorType(IReadOnlyList<GgufTensorInfo> tensors)
    {
        var matrices = tensors.Where(t => t.Dimensions.Count >= 2).ToList();
        var candidates = matrices.Count > 0 ? matrices : tensors;
        return candidates.Count == 0
            ? null
            : candidates.GroupBy(t => t.Type).OrderByDescending(g => g.Sum(t => t.ByteSize)).ThenBy(g => g.Key).First().Key;
    }
}
