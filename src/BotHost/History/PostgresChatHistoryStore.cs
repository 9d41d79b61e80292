using ChatCouncil.BotHost.Storage;
using Npgsql;

namespace ChatCouncil.BotHost.History;

internal sealed class PostgresChatHistoryStore(NpgsqlDataSource dataSource, TimeProvider time) : IChatHistoryStore
{
    private const string MessageColumns =
        "id, conversation_id, role, content, model_id, prompt_tokens, completion_tokens, latency_ms, created_at";

    public async Task<Conversation> CreateConversationAsync(string title, string source, CancellationToken cancellationToken = default)
    {
        HistoryArguments.CheckConversation(title, source);
        var createdAt = time.GetUtcNowMilliseconds();
        var conversation = new Conversation(Guid.CreateVersion7(createdAt), title, source, createdAt);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO conversations (id, title, source, created_at) VALUES ($1, $2, $3, $4);");
        command.Parameters.Add(new() { Value = conversation.Id });
        command.Parameters.Add(new() { Value = title });
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = conversation.CreatedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return conversation;
    }

    public async Task<Conversation?> GetConversationAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT id, title, source, created_at FROM conversations WHERE id = $1;");
        command.Parameters.Add(new() { Value = conversationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadConversation(reader) : null;
    }

    public async Task<HistoryMessage> AppendMessageAsync(Guid conversationId, NewHistoryMessage message, CancellationToken cancellationToken = default)
    {
        HistoryArguments.CheckMessage(message);
        var createdAt = time.GetUtcNowMilliseconds();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO messages (conversation_id, role, content, model_id, prompt_tokens, completion_tokens, latency_ms, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            RETURNING id;
            """);
        command.Parameters.Add(new() { Value = conversationId });
        command.Parameters.Add(new() { Value = MessageRoleText.ToText(message.Role) });
        command.Parameters.Add(new() { Value = message.Content });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = message.ModelId });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = message.PromptTokens });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = message.CompletionTokens });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = message.LatencyMs });
        command.Parameters.Add(new() { Value = createdAt });
        try
        {
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return new HistoryMessage(id, conversationId, message.Role, message.Content, message.ModelId,
                message.PromptTokens, message.CompletionTokens, message.LatencyMs, createdAt);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new KeyNotFoundException($"Conversation {conversationId} does not exist.", ex);
        }
    }

    public async Task<IReadOnlyList<HistoryMessage>> ListMessagesAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {MessageColumns} FROM messages WHERE conversation_id = $1 ORDER BY id;");
        command.Parameters.Add(new() { Value = conversationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<HistoryMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new HistoryMessage(
                reader.GetInt64(0),
                reader.GetGuid(1),
                MessageRoleText.Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return messages;
    }

    public async Task<IReadOnlyList<Conversation>> ListConversationsAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        HistoryArguments.CheckPage(offset, limit);
        await using var command = dataSource.CreateCommand("""
            SELECT id, title, source, created_at FROM conversations
            ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2;
            """);
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = offset });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var conversations = new List<Conversation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            conversations.Add(ReadConversation(reader));
        }

        return conversations;
    }

    private static Conversation ReadConversation(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
}
