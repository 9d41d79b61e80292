using Npgsql;

namespace ChatCouncil.BotHost.Storage;

/// <summary>Positional-parameter commands (<c>$1</c>, <c>$2</c>, …) as the PostgreSQL stores write them.</summary>
internal static class PostgresCommands
{
    /// <summary>Adds <paramref name="values"/> as <c>$1</c>, <c>$2</c>, … in order; null becomes SQL NULL.</summary>
    public static void AddPositional(this NpgsqlCommand command, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }
    }

    /// <summary>Runs one statement on a pooled connection; returns the rows it changed.</summary>
    public static async Task<int> ExecuteAsync(this NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(sql);
        command.AddPositional(values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
