using ChatCouncil.Memory.Namespaces;

namespace ChatCouncil.MemoryWorker;

/// <summary>What each writer writes, so the test can check every write by name after the processes exit.</summary>
public static class WorkerDocuments
{
    /// <summary>The document id of writer <paramref name="writer"/>'s <paramref name="i"/>th document in the shared namespace.</summary>
    public static string SharedId(int writer, int i) => $"w{writer}-{i}";

    /// <summary>Its text: words of its own (so full text finds exactly it) and a common word every search asks for.</summary>
    public static string SharedText(int writer, int i) => $"kestrel sighting by writer{writer} number{i} zq{writer}x{i}";

    /// <summary>A document only in the writer's own namespace; a search of the shared namespace must never return it.</summary>
    public static string PrivateId(int writer, int i) => $"p{writer}-{i}";

    public static string PrivateText(int writer, int i) => $"kestrel private diary of writer{writer} entry{i}";

    public static MemoryNamespace PrivateNamespace(string run, int writer) => MemoryNamespace.Agent($"{run}-w{writer}");

    public static MemoryNamespace SharedNamespace(string run) => MemoryNamespace.Agent($"{run}-shared");

    /// <summary>Written and then deleted by the writer every tenth document: none may remain.</summary>
    public static string TemporaryId(int writer, int i) => $"tmp{writer}-{i}";
}
