namespace ChatCouncil.Inference.Registry;

/// <summary>The model exists but cannot serve now: not loaded, still loading, or another load is running.</summary>
public sealed class ModelUnavailableException : InvalidOperationException
{
    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    public ModelUnavailableException()
    {
    }

    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
