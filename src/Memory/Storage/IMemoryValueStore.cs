using ChatCouncil.Memory.Namespaces;

namespace ChatCouncil.Memory.Storage;

/// <summary>
/// Named values per namespace with an optional time to live, beside the documents (same database). An expired value
/// reads as absent and is removed on the next write to the namespace. Thread-safe.
/// </summary>
public interface IMemoryValueStore
{
    /// <summary>Sets (or replaces) the value; <paramref name="timeToLive"/> null keeps it until deleted.</summary>
    Task<MemoryValue> SetValueAsync(MemoryNamespace ns, string key, string json, TimeSpan? timeToLive, CancellationToken cancellationToken);

    /// <summary>The value, or null when absent or expired.</summary>
    Task<MemoryValue?> GetValueAsync(MemoryNamespace ns, string key, CancellationToken cancellationToken);

    /// <summary>False when there was no live value.</summary>
    Task<bool> DeleteValueAsync(MemoryNamespace ns, string key, CancellationToken cancellationToken);
}
