namespace ChatCouncil.Inference.Generation;

/// <summary>llama.cpp rejected a GBNF grammar.</summary>
public sealed class InvalidGrammarException : ArgumentException
{
    public InvalidGrammarException(string message)
        : base(message)
    {
    }

    public InvalidGrammarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidGrammarException()
    {
    }
}
