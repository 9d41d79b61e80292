using System.ComponentModel.DataAnnotations;

namespace ChatCouncil.Memory.Ingestion;

/// <summary>How documents are split. Sizes are in estimated tokens (see <see cref="TokenEstimate"/>).</summary>
public sealed class ChunkingOptions
{
    /// <summary>At most this many tokens per chunk; the default suits small embedding models (≈ 512-token windows).</summary>
    [Range(16, 8192)]
    public int ChunkTokens { get; set; } = 256;

    /// <summary>Tokens repeated from the end of one chunk at the start of the next, so a sentence cut in two is found whole once.</summary>
    [Range(0, 4096)]
    public int OverlapTokens { get; set; } = 32;

    /// <exception cref="ArgumentException">The overlap is not smaller than the chunk.</exception>
    public void Validate()
    {
        if (ChunkTokens < 16 || OverlapTokens < 0 || OverlapTokens >= ChunkTokens)
        {
            throw new ArgumentException($"Chunks need ChunkTokens ≥ 16 and 0 ≤ OverlapTokens < ChunkTokens; got {ChunkTokens} and {OverlapTokens}.");
        }
    }
}
