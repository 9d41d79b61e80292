namespace ChatCouncil.Inference.Engine;

/// <summary>The result codes of <c>llama_decode</c>.</summary>
public enum DecodeStatus
{
    Ok = 0,

    /// <summary>No KV slot was free for the batch (the context is full).</summary>
    NoKvSlot = 1,

    /// <summary>Aborted by the abort callback.</summary>
    Aborted = 2,

    /// <summary>A negative code: an error inside llama.cpp.</summary>
    Error = -1,
}
