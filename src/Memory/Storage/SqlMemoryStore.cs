using System.Collections.Concurrent;
using System.Data.Common;
using ChatCouncil.Memory.Invalidation;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Storage;

/// <summary>
/// The provider-neutral store: documents, chunks and full-text rows in SQL, vectors also in an in-process
/// <see cref="VectorIndex"/> per namespace, loaded on first search. Each write bumps the namespace's version in the
/// same transaction. Without an <see cref="IIndexInvalidation"/>, a search compares the stored version with the index's
/// and reloads when another process wrote, so every process sees every committed write without a message bus. With
/// one, each committed write is announced and a search trusts its index without asking the database while
/// invalidations are arriving, falling back to the version check while they are not and at least once every
/// <see cref="VerifyInterval"/>. This process's own writes are applied to its index directly. Providers supply the
/// connection, the dialect's value conversions and the full-text query.
/// </summary>
public abstract partial class SqlMemoryStore : IMemoryStore
{
    private readonly ConcurrentDictionary<MemoryNamespace, NamespaceIndex> _indexes = new();
    private readonly TimeProvider _time;
    private readonly IIndexInvalidation? _invalidation;

    /// <param name="time">The clock for value expiry and index verification; the system clock when null.</param>
    /// <param name="invalidation">Announces writes to, and hears writes from, other processes; null to check versions on every search.</param>
    protected SqlMemoryStore(TimeProvider? time, IIndexInvalidation? invalidation = null)
    {
        _time = time ?? TimeProvider.System;
        _invalidation = invalidation;
        invalidation?.Subscribe(OnInvalidated, OnInvalidationReset);
    }

    /// <summary>
    /// With invalidations, how long a cached index is trusted before a search confirms its version with the database
    /// anyway: the bound on staleness should a message be lost without the connection noticing.
    /// </summary>
    public TimeSpan VerifyInterval { get; init; } = TimeSpan.FromSeconds(30);

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that holds the database's write lock for the namespace from its first statement.</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    protected abstract object ToDbTime(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    protected abstract void AddVectorParameter(DbCommand command, string name, ReadOnlyMemory<float> vector);

    protected abstract float[] ReadVector(DbDataReader reader, int ordinal);

    protected abstract void AddTagsParameter(DbCommand command, string name, string json);

    /// <summary>SQL true when the document (alias <c>d</c>) has tag <paramref name="keyParameter"/> equal to <paramref name="valueParameter"/>.</summary>
    protected abstract string TagEqualsSql(string keyParameter, string valueParameter);

    /// <summary>
    /// The column as an expression the query planner will not answer from an index: reading a few chunks by id must look
    /// them up by key, not scan the namespace's index for them.
    /// </summary>
    protected virtual string WithoutIndex(string column) => column;

    /// <summary>Chunk ids of the namespace matching any of the terms, best full-text rank first, that pass the filter.</summary>
    protected abstract Task<IReadOnlyList<long>> FullTextSearchAsync(
        DbConnection connection, MemoryNamespace ns, IReadOnlyList<string> terms, MemoryFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>Drops this process's cached vector indexes; the next search of each namespace reloads it.</summary>
    public void ClearIndexCache() => _indexes.Clear();

    private void OnInvalidated(MemoryNamespace ns, long version)
    {
        if (_indexes.TryGetValue(ns, out var cached))
        {
            cached.Announce(version);
        }
    }

    private void OnInvalidationReset()
    {
        foreach (var cached in _indexes.Values)
        {
            cached.Distrust();
        }
    }

    public async Task<bool> NamespaceExistsAsync(MemoryNamespace ns, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await ReadVersionAsync(connection, ns, cancellationToken) is not null;
    }

    public async Task<MemoryDocument> UpsertDocumentAsync(
        MemoryNamespace ns, NewMemoryDocument document, IAsyncEnumerable<MemoryChunk> chunks, CancellationToken cancellationToken) =>
        (await UpsertDocumentIfAsync(ns, document, chunks, static _ => true, cancellationToken))!;

    public async Task<MemoryDocument?> UpsertDocumentIfAsync(
        MemoryNamespace ns, NewMemoryDocument document, IAsyncEnumerable<MemoryChunk> chunks, Func<MemoryDocument, bool> replaces, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replaces);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(chunks);
        if (MemoryDocumentId.Validate(document.Id) is { } error)
        {
            throw new ArgumentException(error, nameof(document));
        }

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var version = await BumpVersionAsync(transaction, ns, cancellationToken);
        var existing = await ReadDocumentAsync(transaction, ns, document.Id, cancellationToken);
        if (existing is not null && !replaces(existing))
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        // The write lock is held, so a document that was not there has no rows to delete.
        var removed = existing is null ? [] : await DeleteRowsAsync(transaction, ns, document.Id, cancellationToken);
        await InsertDocumentAsync(transaction, ns, document, cancellationToken);

        var added = new List<(long, float[])>();
        // One command for every chunk, so the statement is prepared once per document rather than once per chunk.
        await using (var insert = Command(transaction, """
            INSERT INTO memory_chunks (ns, document_id, chunk_index, text, vector)
            VALUES (@ns, @document_id, @chunk_index, @text, @vector)
            RETURNING id;
            """))
        {
            await foreach (var chunk in chunks.WithCancellation(cancellationToken))
            {
                if (chunk.Index != added.Count)
                {
                    throw new ArgumentException($"Chunks must arrive in order from 0; got {chunk.Index} where {added.Count} was expected.", nameof(chunks));
                }

                added.Add((await InsertChunkAsync(insert, ns, document.Id, chunk, cancellationToken), chunk.Vector.ToArray()));
            }
        }

        await using (var count = Command(transaction, "UPDATE memory_documents SET chunk_count = @count WHERE ns = @ns AND id = @id;"))
        {
            Add(count, "@count", added.Count);
            Add(count, "@ns", ns.ToString());
            Add(count, "@id", document.Id);
            await count.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await FollowWriteAsync(ns, new WriteOutcome(version, removed, added), document.Id, document.Tags);
        await AnnounceAsync(ns, version);
        return new MemoryDocument(document.Id, document.ContentType, document.Tags, document.EmbeddingModel, document.UpdatedAt,
            added.Count, document.Title, document.Link);
    }

    public async Task<bool> DeleteDocumentAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        await using (var exists = Command(transaction, "SELECT COUNT(*) FROM memory_documents WHERE ns = @ns AND id = @id;"))
        {
            Add(exists, "@ns", ns.ToString());
            Add(exists, "@id", documentId);
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                return false;
            }
        }

        var version = await BumpVersionAsync(transaction, ns, cancellationToken);
        var removed = await DeleteRowsAsync(transaction, ns, documentId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await FollowWriteAsync(ns, new WriteOutcome(version, removed, []), documentId, MemoryTags.Empty);
        await AnnounceAsync(ns, version);
        return true;
    }

    private static async Task<long> BumpVersionAsync(DbTransaction transaction, MemoryNamespace ns, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, """
            INSERT INTO memory_namespaces (ns, version) VALUES (@ns, 1)
            ON CONFLICT (ns) DO UPDATE SET version = memory_namespaces.version + 1
            RETURNING version;
            """);
        Add(command, "@ns", ns.ToString());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Deletes a document's chunks (their full-text rows go with them) and the document; returns the chunk ids.</summary>
    private static async Task<IReadOnlyList<long>> DeleteRowsAsync(DbTransaction transaction, MemoryNamespace ns, string documentId, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using (var select = Command(transaction, "SELECT id FROM memory_chunks WHERE ns = @ns AND document_id = @id;"))
        {
            Add(select, "@ns", ns.ToString());
            Add(select, "@id", documentId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        await using var delete = Command(transaction, """
            DELETE FROM memory_chunks WHERE ns = @ns AND document_id = @id;
            DELETE FROM memory_documents WHERE ns = @ns AND id = @id;
            """);
        Add(delete, "@ns", ns.ToString());
        Add(delete, "@id", documentId);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        return ids;
    }

    private async Task InsertDocumentAsync(DbTransaction transaction, MemoryNamespace ns, NewMemoryDocument document, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, """
            INSERT INTO memory_documents (ns, id, content_type, title, link, tags, time, embedding_model, chunk_count, updated_at)
            VALUES (@ns, @id, @content_type, @title, @link, @tags, @time, @embedding_model, 0, @updated_at);
            """);
        Add(command, "@ns", ns.ToString());
        Add(command, "@id", document.Id);
        Add(command, "@content_type", document.ContentType);
        Add(command, "@title", document.Title);
        Add(command, "@link", document.Link);
        AddTagsParameter(command, "@tags", TagsJson.Write(document.Tags));
        Add(command, "@time", document.Tags.Time is { } time ? ToDbTime(time) : null);
        Add(command, "@embedding_model", document.EmbeddingModel);
        Add(command, "@updated_at", ToDbTime(document.UpdatedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<long> InsertChunkAsync(DbCommand insert, MemoryNamespace ns, string documentId, MemoryChunk chunk, CancellationToken cancellationToken)
    {
        insert.Parameters.Clear();
        Add(insert, "@ns", ns.ToString());
        Add(insert, "@document_id", documentId);
        Add(insert, "@chunk_index", chunk.Index);
        Add(insert, "@text", chunk.Text);
        AddVectorParameter(insert, "@vector", chunk.Vector);
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Applies a committed write to this process's index when the index was current just before it; otherwise drops the index.</summary>
    /// <remarks>Not cancellable: the write is committed, and an index left behind it must be marked stale.</remarks>
    private async Task FollowWriteAsync(MemoryNamespace ns, WriteOutcome outcome, string documentId, MemoryTags tags)
    {
        if (!_indexes.TryGetValue(ns, out var cached))
        {
            return;
        }

        await cached.Gate.WaitAsync(CancellationToken.None);
        try
        {
            if (cached.Index is not { } index || cached.Version != outcome.Version - 1 || outcome.Added.Any(a => a.Vector.Length != index.Dimensions))
            {
                cached.Version = -1;
                return;
            }

            index.Remove(outcome.Removed);
            var document = new IndexedDocument(documentId, tags);
            foreach (var (id, vector) in outcome.Added)
            {
                index.Add(id, vector, document);
            }

            cached.Version = outcome.Version;
        }
        finally
        {
            cached.Gate.Release();
        }
    }

    /// <remarks>Not cancellable either: once committed, other processes must hear of the write.</remarks>
    private Task AnnounceAsync(MemoryNamespace ns, long version) =>
        _invalidation?.PublishAsync(ns, version) ?? Task.CompletedTask;

    protected static DbCommand Command(DbTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    protected static DbCommand Command(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    protected static void Add(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
