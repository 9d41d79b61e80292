namespace ChatCouncil.Inference.Gguf;

/// <summary>
/// A file is not a readable GGUF model. The message names the file and what to do about it, so it can
/// be shown to an operator as it is.
/// </summary>
public sealed class GgufFormatException : Exception
{
    public GgufFormatException()
        : this("The file is not a readable GGUF model.")
    {
    }

    public GgufFormatException(string message)
        : this(message, innerException: null)
    {
    }

    public GgufFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Error = GgufFormatError.Corrupt;
    }

    public GgufFormatException(string filePath, GgufFormatError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        Error = error;
    }

    /// <summary>Full path (or source name) of the offending file.</summary>
    public string FilePath { get; }

    public GgufFormatError Error { get; }
}
