namespace ChatCouncil.Inference.Generation;

/// <summary>Shape of one model's generation scheduler.</summary>
public sealed record SchedulerSettings
{
    /// <summary>Conversations decoded together in one batch; each has its own KV sequence.</summary>
    public int ParallelSequences { get; init; } = 8;

    /// <summary>Context per conversation, in tokens.</summary>
    public int ContextPerSequence { get; init; } = 2048;

    public int BatchSize { get; init; } = 512;

    /// <summary>
    /// Decode threads. One by default: on a small shared machine a thread per core stalls badly
    /// whenever anything else runs (see shared/LLAMA.md).
    /// </summary>
    public int Threads { get; init; } = 1;
}
