using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Storage;

/// <summary>
/// This process's vector index of one namespace and the namespace version it reflects. <see cref="Gate"/> serializes
/// loading and applying this process's own writes; searches read <see cref="Index"/> without it.
/// </summary>
internal sealed class NamespaceIndex
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The version the index reflects; -1 before the first load.</summary>
    public long Version { get; set; } = -1;

    public VectorIndex? Index { get; set; }
}
