namespace ChatCouncil.Inference.Engine;

/// <summary>A model could not be loaded or used; the message names the file and the fix.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelLoadException()
    {
    }
}
