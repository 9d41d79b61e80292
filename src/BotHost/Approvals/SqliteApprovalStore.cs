using ChatCouncil.BotHost.Storage;
using Microsoft.Data.Sqlite;

namespace ChatCouncil.BotHost.Approvals;

internal sealed class SqliteApprovalStore(SqliteDatabase database, TimeProvider time) : IApprovalStore
{
    public async Task<bool> CreateAsync(ApprovalRequest request, byte[] tokenHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Conversation;
        return await database.ExecuteAsync("""
            INSERT INTO approvals (id, request_key, platform, workspace, channel, thread, reply_context, summary, requested_by,
                                   token_hash, status, created_at, expires_at)
            VALUES (@id, @request_key, @platform, @workspace, @channel, @thread, @reply_context, @summary, @requested_by,
                    @token_hash, 'pending', @created_at, @expires_at)
            ON CONFLICT (request_key) DO NOTHING;
            """, cancellationToken,
            ("@id", Id(request.Id)), ("@request_key", (object?)request.RequestKey ?? DBNull.Value),
            ("@platform", ApprovalColumns.Platform(key.Platform)), ("@workspace", key.Workspace), ("@channel", key.Channel),
            ("@thread", key.Thread), ("@reply_context", ApprovalColumns.Context(request.ReplyContext)), ("@summary", request.Summary),
            ("@requested_by", request.RequestedBy), ("@token_hash", tokenHash),
            ("@created_at", request.CreatedAt.ToUnixTimeMilliseconds()), ("@expires_at", request.ExpiresAt.ToUnixTimeMilliseconds())) == 1;
    }

    public Task<ApprovalRequest?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ReadOneAsync($"{ApprovalColumns.Select} WHERE id = @id;", cancellationToken, ("@id", Id(id)));

    public Task<ApprovalRequest?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken) =>
        ReadOneAsync($"{ApprovalColumns.Select} WHERE request_key = @key;", cancellationToken, ("@key", requestKey));

    public async Task<byte[]?> GetTokenHashAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM approvals WHERE id = @id;";
        command.Parameters.AddWithValue("@id", Id(id));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task<bool> ReplaceTokenAsync(Guid id, byte[] tokenHash, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE approvals SET token_hash = @hash WHERE id = @id AND posted_at IS NULL AND status = 'pending';",
            cancellationToken, ("@id", Id(id)), ("@hash", tokenHash)) == 1;

    public async Task<bool> WithdrawUnpostedAsync(Guid id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            UPDATE approvals SET status = 'expired', expires_at = MIN(expires_at, @now)
            WHERE id = @id AND posted_at IS NULL AND status = 'pending';
            """, cancellationToken, ("@id", Id(id)), ("@now", Now().ToUnixTimeMilliseconds())) == 1;

    public Task MarkPostedAsync(Guid id, IReadOnlyList<string> messageIds, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE approvals SET posted_at = COALESCE(posted_at, @at), message_ids = @ids WHERE id = @id;", cancellationToken,
            ("@id", Id(id)), ("@at", at.ToUnixTimeMilliseconds()), ("@ids", ApprovalColumns.MessageIds(messageIds)));

    public async Task<bool> TryDecideAsync(Guid id, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return await database.ExecuteAsync("""
            UPDATE approvals SET status = @status, decided_by_id = @user_id, decided_by_name = @user_name, decided_at = @at,
                                 decided_platform = @platform, decided_event_id = @event_id
            WHERE id = @id AND status = 'pending' AND expires_at > @at;
            """, cancellationToken,
            ("@id", Id(id)), ("@status", ApprovalColumns.Status(decision.Action == ApprovalAction.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected)),
            ("@user_id", decision.UserId), ("@user_name", decision.UserName), ("@at", decision.At.ToUnixTimeMilliseconds()),
            ("@platform", ApprovalColumns.Platform(decision.Platform)), ("@event_id", decision.EventId)) == 1;
    }

    public async Task<bool> TryExpireAsync(Guid id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE approvals SET status = 'expired' WHERE id = @id AND status = 'pending' AND expires_at <= @now;",
            cancellationToken, ("@id", Id(id)), ("@now", Now().ToUnixTimeMilliseconds())) == 1;

    public async Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalStatus? status, int limit, CancellationToken cancellationToken)
    {
        var now = Now();
        // A pending request past its expiry is listed as expired, not pending, before any click marked it so.
        var filter = status switch
        {
            null => "",
            ApprovalStatus.Pending => "WHERE status = 'pending' AND expires_at > @now",
            ApprovalStatus.Expired => "WHERE status = 'expired' OR (status = 'pending' AND expires_at <= @now)",
            _ => "WHERE status = @status",
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"{ApprovalColumns.Select} {filter} ORDER BY created_at DESC, id LIMIT @limit;";
        command.Parameters.AddWithValue("@now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("@status", status is { } s ? ApprovalColumns.Status(s) : "");
        command.Parameters.AddWithValue("@limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<ApprovalRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            requests.Add(Read(reader, now));
        }

        return requests;
    }

    private static string Id(Guid id) => id.ToString("D");

    private DateTimeOffset Now() => time.GetUtcNow();

    private static ApprovalRequest Read(SqliteDataReader reader, DateTimeOffset now) =>
        ApprovalColumns.Read(reader, i => reader.IsDBNull(i) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(i))).AsOf(now);

    private async Task<ApprovalRequest?> ReadOneAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, Now()) : null;
    }
}
