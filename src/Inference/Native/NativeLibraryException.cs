namespace ChatCouncil.Inference.Native;

/// <summary>The native llama.cpp libraries or a system library they need could not be loaded.</summary>
public sealed class NativeLibraryException : Exception
{
    public NativeLibraryException(string message)
        : base(message)
    {
    }

    public NativeLibraryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NativeLibraryException()
    {
    }
}
