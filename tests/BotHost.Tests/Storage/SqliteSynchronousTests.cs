using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Storage;

/// <summary>Storage:SqliteSynchronous reaches every connection the host opens; FULL unless NORMAL is asked for.</summary>
public sealed class SqliteSynchronousTests
{
    [Theory]
    [InlineData(null, 2)]
    [InlineData("Full", 2)]
    [InlineData("Normal", 1)]
    public async Task Connection_Setting_AppliesSqlitesSynchronousLevel(string? setting, long expectedLevel)
    {
        using var host = new Host(setting);
        var database = host.Services.GetRequiredService<SqliteDatabase>();

        await using var connection = await database.OpenConnectionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous; ";
        var level = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA journal_mode;";
        var journal = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal(expectedLevel, level);
        Assert.Equal("wal", journal);
    }

    private sealed class Host(string? synchronous) : BotHostFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            if (synchronous is not null)
            {
                settings["Storage:SqliteSynchronous"] = synchronous;
            }
        }
    }
}
