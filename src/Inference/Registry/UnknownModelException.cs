namespace ChatCouncil.Inference.Registry;

/// <summary>No model with this id is configured.</summary>
public sealed class UnknownModelException : KeyNotFoundException
{
    public UnknownModelException(string modelId, IEnumerable<string> known)
        : base($"No model '{modelId}' is configured. Known models: {string.Join(", ", known)}.")
    {
        ModelId = modelId;
    }

    public UnknownModelException()
    {
    }

    public UnknownModelException(string message)
        : base(message)
    {
    }

    public UnknownModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? ModelId { get; }
}
