using ChatCouncil.BotHost.Storage;
using Npgsql;

namespace ChatCouncil.BotHost.Approvals;

internal sealed class PostgresApprovalStore(NpgsqlDataSource dataSource, TimeProvider time) : IApprovalStore
{
    public async Task<bool> CreateAsync(ApprovalRequest request, byte[] tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Conversation;
        return await dataSource.ExecuteAsync("""
            INSERT INTO approvals (id, request_key, platform, workspace, channel, thread, reply_context, summary, requested_by,
                                   token_hash, status, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12)
            ON CONFLICT (request_key) DO NOTHING;
            """, cancellationToken,
            request.Id, request.RequestKey, ApprovalColumns.Platform(key.Platform), key.Workspace, key.Channel, key.Thread,
            ApprovalColumns.Context(request.ReplyContext), request.Summary, request.RequestedBy, tokenHash,
            request.CreatedAt.ToUniversalTime(), request.ExpiresAt.ToUniversalTime()) == 1;
    }

    public Task<ApprovalRequest?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ReadOneAsync($"{ApprovalColumns.Select} WHERE id = $1;", cancellationToken, id);

    public Task<ApprovalRequest?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken) =>
        ReadOneAsync($"{ApprovalColumns.Select} WHERE request_key = $1;", cancellationToken, requestKey);

    public async Task<byte[]?> GetTokenHashAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT token_hash FROM approvals WHERE id = $1;");
        command.AddPositional(id);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<bool> ReplaceTokenAsync(Guid id, byte[] tokenHash, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync("UPDATE approvals SET token_hash = $2 WHERE id = $1 AND posted_at IS NULL AND status = 'pending';",
            cancellationToken, id, tokenHash) == 1;

    public async Task<bool> WithdrawUnpostedAsync(Guid id, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync("""
            UPDATE approvals SET status = 'expired', expires_at = LEAST(expires_at, $2)
            WHERE id = $1 AND posted_at IS NULL AND status = 'pending';
            """, cancellationToken, id, Now()) == 1;

    public Task MarkPostedAsync(Guid id, IReadOnlyList<string> messageIds, DateTimeOffset at, CancellationToken cancellationToken) =>
        dataSource.ExecuteAsync("UPDATE approvals SET posted_at = COALESCE(posted_at, $2), message_ids = $3 WHERE id = $1;", cancellationToken,
            id, at.ToUniversalTime(), ApprovalColumns.MessageIds(messageIds));

    public async Task<bool> TryDecideAsync(Guid id, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        // Under READ COMMITTED a second UPDATE of the row waits for the first to commit, then re-checks the WHERE on the
        // new version: it finds the request decided and changes nothing.
        return await dataSource.ExecuteAsync("""
            UPDATE approvals SET status = $2, decided_by_id = $3, decided_by_name = $4, decided_at = $5, decided_platform = $6, decided_event_id = $7
            WHERE id = $1 AND status = 'pending' AND expires_at > $5;
            """, cancellationToken,
            id, ApprovalColumns.Status(decision.Action == ApprovalAction.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected),
            decision.UserId, decision.UserName, decision.At.ToUniversalTime(), ApprovalColumns.Platform(decision.Platform), decision.EventId) == 1;
    }

    public async Task<bool> TryExpireAsync(Guid id, CancellationToken cancellationToken) =>
        await dataSource.ExecuteAsync("UPDATE approvals SET status = 'expired' WHERE id = $1 AND status = 'pending' AND expires_at <= $2;",
            cancellationToken, id, Now()) == 1;

    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalStatus? status, int limit, CancellationToken cancellationToken)
    {
        var now = Now();
        // A pending request past its expiry is listed as expired, not pending, before any click marked it so.
        var (filter, values) = status switch
        {
            null => ("", new object[] { limit }),
            ApprovalStatus.Pending => ("WHERE status = 'pending' AND expires_at > $2", [limit, now]),
            ApprovalStatus.Expired => ("WHERE status = 'expired' OR (status = 'pending' AND expires_at <= $2)", [limit, now]),
            { } other => ("WHERE status = $2", [limit, ApprovalColumns.Status(other)]),
        };
        await using var command = dataSource.CreateCommand($"{ApprovalColumns.Select} {filter} ORDER BY created_at DESC, id LIMIT $1;");
        command.AddPositional(values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<ApprovalRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(Read(reader, now));
        }

        return requests;
    }

    private DateTimeOffset Now() => time.GetUtcNowMilliseconds();

    private static ApprovalRequest Read(NpgsqlDataReader reader, DateTimeOffset now) =>
        ApprovalColumns.Read(reader, i => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i)).AsOf(now);

    private async Task<ApprovalRequest?> ReadOneAsync(string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.AddPositional(values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, Now()) : null;
    }
}
