using ChatCouncil.BotHost.Scheduling;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.TestSupport.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatCouncil.BotHost.Tests.Scheduling;

public sealed class PostgresJobRunLeaseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new PostgresMigrator(_dataSource, TimeProvider.System, NullLogger<PostgresMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task TryAcquire_ManyProcessesAtOnce_ExactlyOneWinsThePeriod()
    {
        var leases = Enumerable.Range(0, 8).Select(_ => new PostgresJobRunLease(_dataSource)).ToList();

        var won = await Task.WhenAll(leases.Select(l => l.TryAcquireAsync("job-many", TimeSpan.FromHours(1), CancellationToken.None)));

        Assert.Single(won, w => w);
        foreach (var lease in leases)
        {
            Assert.False(await lease.TryAcquireAsync("job-many", TimeSpan.FromHours(1), CancellationToken.None));
        }
    }

    [Fact]
    public async Task TryAcquire_PeriodOver_AnotherProcessTakesIt()
    {
        var first = new PostgresJobRunLease(_dataSource);
        var second = new PostgresJobRunLease(_dataSource);

        // A zero period is over as soon as it is taken, which is what an elapsed interval looks like.
        Assert.True(await first.TryAcquireAsync("job-expiry", TimeSpan.Zero, CancellationToken.None));
        Assert.True(await second.TryAcquireAsync("job-expiry", TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(await first.TryAcquireAsync("job-expiry", TimeSpan.FromHours(1), CancellationToken.None));
        Assert.True(await first.TryAcquireAsync("another-job", TimeSpan.FromHours(1), CancellationToken.None));
    }
}
