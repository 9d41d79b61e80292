namespace ChatCouncil.Memory.Ingestion;

/// <summary>The document is larger than the configured limit.</summary>
public sealed class DocumentTooLargeException : Exception
{
    public DocumentTooLargeException()
    {
    }

    public DocumentTooLargeException(string message)
        : base(message)
    {
    }

    public DocumentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
