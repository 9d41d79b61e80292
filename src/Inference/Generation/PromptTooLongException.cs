namespace ChatCouncil.Inference.Generation;

/// <summary>The prompt does not fit in one sequence's context.</summary>
public sealed class PromptTooLongException : ArgumentException
{
    public PromptTooLongException(int promptTokens, int contextLength)
        : base($"The prompt is {promptTokens} tokens but the model's context holds {contextLength} per conversation; shorten the history or raise the model's ContextLength.")
    {
        PromptTokens = promptTokens;
        ContextLength = contextLength;
    }

    public PromptTooLongException()
    {
    }

    public PromptTooLongException(string message)
        : base(message)
    {
    }

    public PromptTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int PromptTokens { get; }

    public int ContextLength { get; }
}
