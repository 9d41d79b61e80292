using System.Data.Common;
using System.Globalization;
using System.Text;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Storage;

public abstract partial class SqlMemoryStore
{
    private const string DocumentColumns = "d.id, d.content_type, d.title, d.link, d.tags, d.time, d.embedding_model, d.chunk_count, d.updated_at";

    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    public async Task<MemoryDocument?> GetDocumentAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {DocumentColumns} FROM memory_documents d WHERE d.ns = @ns AND d.id = @id;");
        Add(command, "@ns", ns.ToString());
        Add(command, "@id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader) : null;
    }

    public async IAsyncEnumerable<MemoryDocument> ReadAllDocumentsAsync(
        MemoryNamespace ns, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, $"SELECT {DocumentColumns} FROM memory_documents d WHERE d.ns = @ns ORDER BY d.id;");
        Add(command, "@ns", ns.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadDocument(reader);
        }
    }

    public async IAsyncEnumerable<(MemoryNamespace Namespace, MemoryDocument Document)> FindStaleDocumentsAsync(
        string embeddingModel, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            $"SELECT {DocumentColumns}, d.ns FROM memory_documents d WHERE d.embedding_model <> @model ORDER BY d.ns, d.id;");
        Add(command, "@model", embeddingModel);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (MemoryNamespace.Parse(reader.GetString(9)), ReadDocument(reader));
        }
    }

    public async Task<IReadOnlyList<MemoryChunk>> GetChunksWithVectorsAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT chunk_index, text, vector FROM memory_chunks WHERE ns = @ns AND document_id = @id ORDER BY chunk_index;");
        Add(command, "@ns", ns.ToString());
        Add(command, "@id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chunks = new List<MemoryChunk>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new MemoryChunk(reader.GetInt32(0), reader.GetString(1), ReadVector(reader, 2)));
        }

        return chunks;
    }

    private async Task<MemoryDocument?> ReadDocumentAsync(DbTransaction transaction, MemoryNamespace ns, string documentId, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, $"SELECT {DocumentColumns} FROM memory_documents d WHERE d.ns = @ns AND d.id = @id;");
        Add(command, "@ns", ns.ToString());
        Add(command, "@id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDocument(reader) : null;
    }

    public async Task<IReadOnlyList<StoredChunk>> GetChunksAsync(MemoryNamespace ns, string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT chunk_index, text FROM memory_chunks WHERE ns = @ns AND document_id = @id ORDER BY chunk_index;");
        Add(command, "@ns", ns.ToString());
        Add(command, "@id", documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var chunks = new List<StoredChunk>();
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new StoredChunk(documentId, reader.GetInt32(0), reader.GetString(1)));
        }

        return chunks;
    }

    public async Task<IReadOnlyList<MemoryDocument>> ListDocumentsAsync(MemoryNamespace ns, MemoryFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, string.Empty);
        command.CommandText = $"SELECT {DocumentColumns} FROM memory_documents d WHERE d.ns = @ns{FilterSql(command, filter)} " +
            "ORDER BY d.updated_at DESC, d.id LIMIT @limit;";
        Add(command, "@ns", ns.ToString());
        Add(command, "@limit", Math.Clamp(limit, 1, 1000));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<MemoryDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(ReadDocument(reader));
        }

        return documents;
    }

    /// <summary>The namespace's stored version; null when nothing was ever written to it.</summary>
    private protected static async Task<long?> ReadVersionAsync(DbConnection connection, MemoryNamespace ns, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT version FROM memory_namespaces WHERE ns = @ns;");
        Add(command, "@ns", ns.ToString());
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Appends the filter's conditions on the document alias <c>d</c> (each starting with AND) and adds their parameters.</summary>
    protected string FilterSql(DbCommand command, MemoryFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sql = new StringBuilder();
        var i = 0;
        foreach (var (key, value) in filter.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            sql.Append(" AND ").Append(TagEqualsSql($"@fk{i}", $"@fv{i}"));
            Add(command, $"@fk{i}", key);
            Add(command, $"@fv{i}", value);
            i++;
        }

        if (filter.After is { } after)
        {
            sql.Append(" AND d.time >= @after");
            Add(command, "@after", ToDbTime(after));
        }

        if (filter.Before is { } before)
        {
            sql.Append(" AND d.time < @before");
            Add(command, "@before", ToDbTime(before));
        }

        return sql.ToString();
    }

    private MemoryDocument ReadDocument(DbDataReader reader)
    {
        DateTimeOffset? time = reader.IsDBNull(5) ? null : ReadTime(reader, 5);
        return new MemoryDocument(
            reader.GetString(0),
            reader.GetString(1),
            TagsJson.Read(reader.GetString(4), time),
            reader.GetString(6),
            ReadTime(reader, 8),
            reader.GetInt32(7),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3));
    }
}
