using Npgsql;
using Xunit;

namespace ChatCouncil.TestSupport.Postgres;

/// <summary>
/// Gives a test class its own PostgreSQL database, created on the server named by
/// <c>CHATCOUNCIL_TEST_POSTGRES</c> and dropped afterwards; <see cref="CreateDatabaseAsync"/> makes more
/// (for tests that need an empty schema each). Without the variable the tests fail, never skip:
/// a green run must mean PostgreSQL was tested.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "CHATCOUNCIL_TEST_POSTGRES";

    private readonly List<string> _databases = [];
    private string? _connectionString;

    /// <summary>The class's own database.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _connectionString = await CreateDatabaseAsync();

    /// <returns>A connection string to a new, empty database that is dropped with the fixture.</returns>
    public async Task<string> CreateDatabaseAsync()
    {
        var server = ServerConnectionString();
        var name = $"cc_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_databases.Count == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString());
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE);", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests have no server. Run `make test`, which starts one, " +
                "or start the test servers yourself with `eval \"$(scripts/test-services.sh start)\"` and run the tests again.");
        }

        return value;
    }
}
