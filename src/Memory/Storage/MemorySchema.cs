using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace ChatCouncil.Memory.Storage;

/// <summary>
/// Memory's own versioned schema, kept apart from the host's migrations so the memory store works in any database
/// (the host's, or one of its own). Scripts are embedded as <c>schema/&lt;provider&gt;/V###__name.sql</c> and applied in
/// order inside the caller's locked transaction; applied versions are recorded in <c>memory_schema</c>.
/// </summary>
internal static class MemorySchema
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static async Task ApplyAsync(DbTransaction transaction, string provider, string timestampType, CancellationToken cancellationToken)
    {
        await ExecuteAsync(transaction,
            $"CREATE TABLE IF NOT EXISTS memory_schema (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at {timestampType} NOT NULL);",
            cancellationToken);
        int current;
        await using (var command = transaction.Connection!.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM memory_schema;";
            current = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        foreach (var (version, name, sql) in Scripts(provider).Where(s => s.Version > current))
        {
            await ExecuteAsync(transaction, sql, cancellationToken);
            await using var record = transaction.Connection!.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = $"INSERT INTO memory_schema (version, name, applied_at) VALUES ({version}, '{name}', CURRENT_TIMESTAMP);";
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts(string provider)
    {
        var prefix = $"schema/{provider}/V";
        var assembly = typeof(MemorySchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n =>
            {
                // schema/sqlite/V001__memory.sql
                var file = n[prefix.Length..^".sql".Length];
                var separator = file.IndexOf("__", StringComparison.Ordinal);
                return (int.Parse(file[..separator], CultureInfo.InvariantCulture), file[(separator + 2)..], Read(assembly, n));
            })
            .OrderBy(s => s.Item1);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
