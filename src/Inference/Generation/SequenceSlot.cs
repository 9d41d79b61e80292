namespace ChatCouncil.Inference.Generation;

/// <summary>One KV sequence of the shared context, and the tokens it currently caches.</summary>
internal sealed class SequenceSlot(int sequence)
{
    public int Sequence { get; } = sequence;

    /// <summary>Tokens whose keys and values are in the cache, position i at index i.</summary>
    public List<int> Cached { get; } = [];

    public ActiveGeneration? Active { get; set; }

    public long LastUsed { get; set; }

    public int CommonPrefixLength(int[] prompt)
    {
        var n = Math.Min(Cached.Count, prompt.Length);
        var i = 0;
        while (i < n && Cached[i] == prompt[i])
        {
            i++;
        }

        return i;
    }
}
