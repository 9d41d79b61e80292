using System.Data.Common;
using ChatCouncil.Memory.Invalidation;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Search;
using Npgsql;
using NpgsqlTypes;

namespace ChatCouncil.Memory.Storage.Postgres;

/// <summary>
/// The memory store in PostgreSQL: a generated <c>tsvector</c> column with a GIN index (ranked by <c>ts_rank_cd</c>) for
/// full text, vectors as <c>real[]</c> (pgvector is not available, so similarity is computed in process). Writers to
/// one namespace queue on its version row.
/// </summary>
/// <param name="dataSource">The database, shared with the host's own storage when it is PostgreSQL.</param>
/// <param name="time">The clock for value expiry and index verification; the system clock when null.</param>
/// <param name="invalidation">Announces writes to other processes and hears theirs; null to check versions on every search.</param>
public sealed class PostgresMemoryStore(NpgsqlDataSource dataSource, TimeProvider? time = null, IIndexInvalidation? invalidation = null)
    : SqlMemoryStore(time, invalidation)
{
    // Any constant works as long as nothing else in the database takes the same advisory lock.
    private const long SchemaLockKey = 0x4D_65_6D_6F_72_79_31L;

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey});"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await MemorySchema.ApplyAsync(transaction, MemorySchema.Postgres, "timestamptz", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected override object ToDbTime(DateTimeOffset value) => value.ToUniversalTime();

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    protected override void AddVectorParameter(DbCommand command, string name, ReadOnlyMemory<float> vector)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Add(new NpgsqlParameter<float[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Real) { TypedValue = vector.ToArray() });
    }

    protected override float[] ReadVector(DbDataReader reader, int ordinal) => reader.GetFieldValue<float[]>(ordinal);

    protected override void AddTagsParameter(DbCommand command, string name, string json)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Parameters.Add(new NpgsqlParameter<string>(name, NpgsqlDbType.Jsonb) { TypedValue = json });
    }

    protected override string TagEqualsSql(string keyParameter, string valueParameter) => $"d.tags ->> {keyParameter} = {valueParameter}";

    protected override async Task<IReadOnlyList<long>> FullTextSearchAsync(
        DbConnection connection, MemoryNamespace ns, IReadOnlyList<string> terms, MemoryFilter filter, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        await using var command = Command(connection, string.Empty);
        command.CommandText = $"""
            SELECT c.id FROM memory_chunks c
            JOIN memory_documents d ON d.ns = c.ns AND d.id = c.document_id,
            to_tsquery('simple', @query) q
            WHERE c.tsv @@ q AND c.ns = @ns{FilterSql(command, filter)}
            ORDER BY ts_rank_cd(c.tsv, q) DESC, c.id LIMIT @limit;
            """;
        // Terms are letters and digits only, so joining them with | cannot form any other tsquery syntax.
        Add(command, "@query", string.Join(" | ", terms));
        Add(command, "@ns", ns.ToString());
        Add(command, "@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
