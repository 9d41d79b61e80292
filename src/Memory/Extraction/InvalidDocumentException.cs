namespace ChatCouncil.Memory.Extraction;

/// <summary>The document does not parse as its content type says (bad JSON, a transcript of the wrong shape).</summary>
public sealed class InvalidDocumentException : Exception
{
    public InvalidDocumentException()
    {
    }

    public InvalidDocumentException(string message)
        : base(message)
    {
    }

    public InvalidDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
