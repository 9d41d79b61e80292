using ChatCouncil.BotHost.Storage;
using ChatCouncil.TestSupport.Files;

namespace ChatCouncil.BotHost.Tests.Storage;

/// <summary>Every connection the database hands out has its settings, whether freshly opened or reused from the pool.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData(SqliteSynchronous.Full, 2L)]
    [InlineData(SqliteSynchronous.Normal, 1L)]
    public async Task OpenConnection_FreshAndReusedFromThePool_HaveEverySetting(SqliteSynchronous synchronous, long level)
    {
        var database = new SqliteDatabase(_directory.File($"settings-{synchronous}.db"), synchronous);

        var settings = new List<(long ForeignKeys, long BusyTimeout, long Synchronous)>();
        for (var open = 0; open < 3; open++)
        {
            await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys;";
            var foreignKeys = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA busy_timeout;";
            var busyTimeout = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous;";
            settings.Add((foreignKeys, busyTimeout, (long)(await command.ExecuteScalarAsync())!));
        }

        Assert.All(settings, s => Assert.Equal((1L, 10_000L, level), s));
    }

    [Fact]
    public async Task OpenConnection_TwoDatabaseObjectsOnOneFile_EachAppliesItsOwnSettings()
    {
        var path = _directory.File("shared.db");
        await using (var first = await new SqliteDatabase(path, SqliteSynchronous.Normal).OpenConnectionAsync(CancellationToken.None))
        {
        }

        // Same connection string, so the pool may hand the native connection the first object configured to the second.
        await using var second = await new SqliteDatabase(path, SqliteSynchronous.Full).OpenConnectionAsync(CancellationToken.None);
        await using var command = second.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";

        Assert.Equal(2L, (long)(await command.ExecuteScalarAsync())!);
    }

    public void Dispose() => _directory.Dispose();
}
