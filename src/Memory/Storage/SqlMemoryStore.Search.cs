using System.Data.Common;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Storage;

public abstract partial class SqlMemoryStore
{
    /// <summary>How many candidates each ranking contributes to fusion, per result asked for (at least 50).</summary>
    private const int CandidatesPerResult = 5;

    public async Task<IReadOnlyList<MemorySearchHit>> SearchAsync(MemoryNamespace ns, MemoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MemoryQuery.MaxLimit);
        var filter = query.Filter ?? MemoryFilter.None;
        var candidates = Math.Max(50, query.Limit * CandidatesPerResult);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        IReadOnlyList<VectorMatch> vectorMatches = [];
        if (!query.Vector.IsEmpty)
        {
            var index = await CurrentIndexAsync(connection, ns, query.Vector.Length, cancellationToken);
            if (index is not null)
            {
                Func<IndexedDocument, bool>? predicate = filter.IsEmpty ? null : d => filter.Matches(d.Tags);
                vectorMatches = index.Search(query.Vector.Span, candidates, predicate, (float)query.MinRelevance);
            }
        }

        var terms = FullTextTerms.From(query.Text);
        var textMatches = terms.Count == 0 ? [] : await FullTextSearchAsync(connection, ns, terms, filter, candidates, cancellationToken);

        var fused = ReciprocalRankFusion.Fuse([.. vectorMatches.Select(m => m.ChunkId)], textMatches).Take(query.Limit).ToList();
        if (fused.Count == 0)
        {
            return [];
        }

        var similarity = vectorMatches.ToDictionary(m => m.ChunkId, m => (double)m.Similarity);
        var rows = (await ReadChunksAsync(connection, ns, [.. fused.Select(f => f.Key)], cancellationToken)).ToDictionary(r => r.ChunkId);
        // A chunk deleted by another process after the index was read is simply left out.
        return [.. fused.Where(f => rows.ContainsKey(f.Key)).Select(f =>
        {
            var row = rows[f.Key];
            return new MemorySearchHit(row.DocumentId, row.ChunkIndex, row.Text, row.Title, row.Link, row.Tags, f.Score,
                similarity.TryGetValue(f.Key, out var s) ? s : null, f.FirstRank, f.SecondRank);
        })];
    }

    /// <summary>
    /// The namespace's vector index, reloaded when the stored version moved past it; null for an unknown namespace.
    /// While invalidations are arriving, an index no invalidation has overtaken is used without asking the database.
    /// </summary>
    private async Task<VectorIndex?> CurrentIndexAsync(DbConnection connection, MemoryNamespace ns, int dimensions, CancellationToken cancellationToken)
    {
        var cached = _indexes.GetOrAdd(ns, _ => new NamespaceIndex());
        var now = _time.GetUtcNow().UtcTicks;
        if (_invalidation is { IsListening: true } && cached.IsTrusted(dimensions, now, VerifyInterval.Ticks))
        {
            return cached.Index;
        }

        if (await ReadVersionAsync(connection, ns, cancellationToken) is not { } version)
        {
            return null;
        }

        if (cached.Version == version && cached.Index is { } current && current.Dimensions == dimensions)
        {
            cached.Verified(now);
            return current;
        }

        await cached.Gate.WaitAsync(cancellationToken);
        try
        {
            if (cached.Version >= version && cached.Index is { } fresh && fresh.Dimensions == dimensions)
            {
                cached.Verified(now);
                return fresh;
            }

            // The version is read before the rows: a write landing in between makes the index newer than its version
            // says, which costs one needless reload later and never a stale answer.
            version = await ReadVersionAsync(connection, ns, cancellationToken) ?? version;
            var index = new VectorIndex(dimensions);
            await LoadIndexAsync(connection, ns, index, cancellationToken);
            // The replaced index is not disposed: a search that picked it up a moment ago may still be scanning it.
            cached.Index = index;
            cached.Version = version;
            cached.Verified(now);
            return index;
        }
        finally
        {
            cached.Gate.Release();
        }
    }

    private async Task LoadIndexAsync(DbConnection connection, MemoryNamespace ns, VectorIndex index, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT c.id, c.vector, c.document_id, d.tags, d.time
            FROM memory_chunks c JOIN memory_documents d ON d.ns = c.ns AND d.id = c.document_id
            WHERE c.ns = @ns ORDER BY c.document_id;
            """);
        Add(command, "@ns", ns.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        IndexedDocument? document = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = ReadVector(reader, 1);
            if (vector.Length != index.Dimensions)
            {
                // Made by another embedding model; found again once the re-embedding job has replaced it.
                continue;
            }

            var documentId = reader.GetString(2);
            if (document?.DocumentId != documentId)
            {
                document = new IndexedDocument(documentId, TagsJson.Read(reader.GetString(3), reader.IsDBNull(4) ? null : ReadTime(reader, 4)));
            }

            index.Add(reader.GetInt64(0), vector, document);
        }
    }

    private async Task<IReadOnlyList<ChunkRow>> ReadChunksAsync(DbConnection connection, MemoryNamespace ns, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, string.Empty);
        var names = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            names.Add($"@c{i}");
            Add(command, $"@c{i}", ids[i]);
        }

        Add(command, "@ns", ns.ToString());
        command.CommandText = $"""
            SELECT c.id, c.document_id, c.chunk_index, c.text, d.title, d.link, d.tags, d.time
            FROM memory_chunks c JOIN memory_documents d ON d.ns = c.ns AND d.id = c.document_id
            WHERE {WithoutIndex("c.ns")} = @ns AND c.id IN ({string.Join(", ", names)});
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ChunkRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var time = reader.IsDBNull(7) ? (DateTimeOffset?)null : ReadTime(reader, 7);
            rows.Add(new ChunkRow(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), TagsJson.Read(reader.GetString(6), time)));
        }

        return rows;
    }
}
