namespace ChatCouncil.Inference.Generation;

/// <summary>Why a generation ended.</summary>
public enum FinishReason
{
    /// <summary>An end-of-generation token or a stop sequence.</summary>
    Stop,

    /// <summary>MaxTokens reached or the sequence's context is full.</summary>
    Length,

    Cancelled,
}
