using System.Globalization;

namespace ChatCouncil.Inference.TinyModel;

/// <summary>
/// Shape of a built-in tiny llama-architecture model. <see cref="Default"/> is what the bot and the
/// tests run; <see cref="Benchmark"/> is a larger one for throughput measurements.
/// </summary>
public sealed record TinyModelSpec(
    int EmbeddingLength = 64,
    int BlockCount = 2,
    int HeadCount = 4,
    int HeadCountKv = 4,
    int FeedForwardLength = 128,
    int ContextLength = 2048)
{
    /// <summary>64-wide, 2 layers, about 128k parameters (0.5 MB).</summary>
    public static TinyModelSpec Default { get; } = new();

    /// <summary>256-wide, 4 layers, about 3.6M parameters (14 MB).</summary>
    public static TinyModelSpec Benchmark { get; } = new(EmbeddingLength: 256, BlockCount: 4, HeadCount: 8, HeadCountKv: 8, FeedForwardLength: 768);

    public int HeadDimension => EmbeddingLength / HeadCount;

    /// <summary>
    /// File name carrying the shape, e.g. <c>chatcouncil-tiny-64x2.gguf</c> for the presets and a
    /// longer name for any other spec, so two specs never share a file.
    /// </summary>
    public string FileName
    {
        get
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"chatcouncil-tiny-{EmbeddingLength}x{BlockCount}");
            if (this != Default && this != Benchmark)
            {
                name += string.Create(CultureInfo.InvariantCulture, $"-h{HeadCount}-kv{HeadCountKv}-ff{FeedForwardLength}-ctx{ContextLength}");
            }

            return name + ".gguf";
        }
    }

    internal void Validate()
    {
        Check(EmbeddingLength is >= 8 and <= 4096, "EmbeddingLength must be between 8 and 4096.");
        Check(BlockCount is >= 1 and <= 64, "BlockCount must be between 1 and 64.");
        Check(HeadCount >= 1 && EmbeddingLength % HeadCount == 0, "EmbeddingLength must be a multiple of HeadCount.");
        Check(HeadDimension % 2 == 0, "EmbeddingLength / HeadCount must be even (RoPE rotates pairs).");
        Check(HeadCountKv >= 1 && HeadCount % HeadCountKv == 0, "HeadCount must be a multiple of HeadCountKv.");
        Check(FeedForwardLength is >= 1 and <= 16384, "FeedForwardLength must be between 1 and 16384.");
        Check(ContextLength is >= 16 and <= 1 << 20, "ContextLength must be between 16 and 1048576.");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid tiny model spec: {message}");
        }
    }
}
