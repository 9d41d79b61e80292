using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Storage;

/// <summary>
/// Documents, their chunks and vectors, per namespace. Every call names its namespace first and never reads or writes
/// another one. Vectors are computed by the caller (through an embedding generator); the store only keeps and ranks them.
/// Implementations are thread-safe singletons, and safe when several processes share the database.
/// </summary>
public interface IMemoryStore
{
    /// <summary>Creates or upgrades the store's tables; safe to call from several processes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Whether anything was ever written to the namespace.</summary>
    Task<bool> NamespaceExistsAsync(MemoryNamespace ns, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a document and its chunks in one transaction, replacing every chunk of an earlier document with the same id.
    /// <paramref name="chunks"/> is consumed once, inside the transaction, so a failure while producing it changes nothing.
    /// </summary>
    Task<MemoryDocument> UpsertDocumentAsync(MemoryNamespace ns, NewMemoryDocument document, IAsyncEnumerable<MemoryChunk> chunks, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="UpsertDocumentAsync"/>, but an existing document with the same id is replaced only when
    /// <paramref name="replaces"/> says so. The check runs inside the write transaction, after the namespace's write lock
    /// is taken, so concurrent writers of one id are decided one at a time. Returns null when the existing document was kept.
    /// </summary>
    Task<MemoryDocument?> UpsertDocumentIfAsync(
        MemoryNamespace ns, NewMemoryDocument document, IAsyncEnumerable<MemoryChunk> chunks, Func<MemoryDocument, bool> replaces, CancellationToken cancellationToken);

    /// <summary>Every document of the namespace in id order, for export.</summary>
    IAsyncEnumerable<MemoryDocument> ReadAllDocumentsAsync(MemoryNamespace ns, CancellationToken cancellationToken);

    /// <summary>Documents of every namespace whose vectors were made by another model than <paramref name="embeddingModel"/>.</summary>
    IAsyncEnumerable<(MemoryNamespace Namespace, MemoryDocument Document)> FindStaleDocumentsAsync(string embeddingModel, CancellationToken cancellationToken);

    /// <summary>The document's chunks in order with their vectors; empty when it does not exist.</summary>
    Task<IReadOnlyList<MemoryChunk>> GetChunksWithVectorsAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken);

    Task<MemoryDocument?> GetDocumentAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken);

    /// <summary>The document's chunks in order; empty when it does not exist.</summary>
    Task<IReadOnlyList<StoredChunk>> GetChunksAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken);

    /// <summary>Documents that pass the filter, most recently updated first.</summary>
    Task<IReadOnlyList<MemoryDocument>> ListDocumentsAsync(MemoryNamespace ns, MemoryFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>Removes the document with its chunks, vectors and full-text rows in one transaction; false when it did not exist.</summary>
    Task<bool> DeleteDocumentAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken);

    /// <summary>Hybrid search: vector similarity and full-text rank fused by reciprocal rank, best first.</summary>
    Task<IReadOnlyList<MemorySearchHit>> SearchAsync(MemoryNamespace ns, MemoryQuery query, CancellationToken cancellationToken);
}
