using Npgsql;

namespace ChatCouncil.BotHost.Scheduling;

/// <summary>
/// A lease row per job in <c>job_run_leases</c>: taken when absent or expired, in one statement, so of several
/// processes firing together exactly one wins. Expiry is measured on the database's clock, not the hosts', so clock
/// skew between hosts cannot hand one period to two of them.
/// </summary>
internal sealed class PostgresJobRunLease(NpgsqlDataSource dataSource) : IJobRunLease
{
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(string job, TimeSpan period, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(job);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO job_run_leases (job_name, holder, leased_until) VALUES (@job, @holder, now() + @period)
            ON CONFLICT (job_name) DO UPDATE SET holder = EXCLUDED.holder, leased_until = EXCLUDED.leased_until
            WHERE job_run_leases.leased_until <= now()
            RETURNING holder;
            """);
        command.Parameters.AddWithValue("job", job);
        command.Parameters.AddWithValue("holder", _holder);
        command.Parameters.AddWithValue("period", period);
        return await command.ExecuteScalarAsync(cancellationToken) is string holder && holder == _holder;
    }
}
