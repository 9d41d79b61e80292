namespace ChatCouncil.Memory.Ingestion;

/// <summary>The document has no text to remember (empty, or only markup and whitespace).</summary>
public sealed class EmptyDocumentException : Exception
{
    public EmptyDocumentException()
        : base("The document has no text.")
    {
    }

    public EmptyDocumentException(string message)
        : base(message)
    {
    }

    public EmptyDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
