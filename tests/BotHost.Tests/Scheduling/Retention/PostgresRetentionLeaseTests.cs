using ChatCouncil.BotHost.Scheduling;
using ChatCouncil.BotHost.Scheduling.Retention;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Scheduling.Retention;

/// <summary>Processes sharing PostgreSQL: in each period one of them runs retention, the others skip it.</summary>
public sealed class PostgresRetentionLeaseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Run_ThreeProcessesAtOnce_OnePrunesTheOthersAreHeldElsewhere()
    {
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var services = Enumerable.Range(0, 3).Select(_ => new RetentionService(
            new PostgresRetentionStore(dataSource),
            new PostgresJobRunLease(dataSource),
            new JobStatus<RetentionOutcome>(),
            Options.Create(new RetentionOptions()),
            TimeProvider.System,
            NullLogger<RetentionService>.Instance)).ToList();

        var outcomes = await Task.WhenAll(services.Select(s => s.RunAsync(CancellationToken.None)));

        Assert.Single(outcomes, o => o.Result == RetentionResult.Pruned);
        Assert.Equal(2, outcomes.Count(o => o.Result == RetentionResult.HeldElsewhere));
    }
}
