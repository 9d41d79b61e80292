using ChatCouncil.Memory.Namespaces;

namespace ChatCouncil.Memory.Invalidation;

/// <summary>
/// Tells every process sharing a memory database that a namespace changed, so each can drop its in-process vector index
/// for that namespace instead of asking the database for the namespace's version on every search.
/// </summary>
/// <remarks>
/// Thread-safe; one instance per process, living as long as the store that uses it. Delivery is best effort: while
/// <see cref="IsListening"/> is false, stores fall back to checking the version row on each search, and after a gap in
/// delivery the reset callback makes them verify every cached index once.
/// </remarks>
public interface IIndexInvalidation
{
    /// <summary>True while this process is subscribed and its connection is up, so no announced write can be missed.</summary>
    bool IsListening { get; }

    /// <summary>
    /// Registers one subscriber's callbacks (several stores may share one instance): <paramref name="changed"/> for each announced write (namespace and its version after the
    /// write, this process's own included), <paramref name="reset"/> when delivery resumes after a gap, before
    /// <see cref="IsListening"/> turns true again.
    /// </summary>
    void Subscribe(Action<MemoryNamespace, long> changed, Action reset);

    /// <summary>Announces a committed write. Never throws for a broken connection: the write is already durable.</summary>
    Task PublishAsync(MemoryNamespace ns, long version);
}
