namespace ChatCouncil.Inference.TinyModel;

/// <summary>
/// A random stream that is the same on every machine and in every process: seeded by FNV-1a of a
/// name (string.GetHashCode is randomized per process) and advanced with SplitMix64.
/// </summary>
internal sealed class StableRandom(string seedName)
{
    private ulong _state = Fnv1a64(seedName);

    /// <summary>Uniform in [-1, 1), computed in exact integer and double steps.</summary>
    public double NextSigned()
    {
        var bits = Next() >> 11; // 53 bits
        return (bits * (1.0 / (1UL << 53)) * 2.0) - 1.0;
    }

    internal static ulong Fnv1a64(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }

    private ulong Next()
    {
        unchecked
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
