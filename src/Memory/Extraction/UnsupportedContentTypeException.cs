namespace ChatCouncil.Memory.Extraction;

/// <summary>No extractor handles the document's content type.</summary>
public sealed class UnsupportedContentTypeException : Exception
{
    public UnsupportedContentTypeException()
    {
    }

    public UnsupportedContentTypeException(string message)
        : base(message)
    {
    }

    public UnsupportedContentTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
