using System.Globalization;
using ChatCouncil.BotHost.Storage;
using Microsoft.Data.Sqlite;

namespace ChatCouncil.BotHost.History;

internal sealed class SqliteChatHistoryStore(SqliteDatabase database, TimeProvider time) : IChatHistoryStore
{
    private const int ForeignKeyViolation = 787; // SQLITE_CONSTRAINT_FOREIGNKEY

    private const string MessageColumns =
        "id, conversation_id, role, content, model_id, prompt_tokens, completion_tokens, latency_ms, created_at";

    public async Task<Conversation> CreateConversationAsync(string title, string source, CancellationToken cancellationToken = default)
    {
        HistoryArguments.CheckConversation(title, source);
        var createdAt = time.GetUtcNowMilliseconds();
        var conversation = new Conversation(Guid.CreateVersion7(createdAt), title, source, createdAt);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO conversations (id, title, source, created_at) VALUES (@id, @title, @source, @created_at);";
        command.Parameters.AddWithValue("@id", ToText(conversation.Id));
        command.Parameters.AddWithValue("@title", title);
        command.Parameters.AddWithValue("@source", source);
        command.Parameters.AddWithValue("@created_at", conversation.CreatedAt.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return conversation;
    }

    public async Task<Conversation?> GetConversationAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, title, source, created_at FROM conversations WHERE id = @id;";
        command.Parameters.AddWithValue("@id", ToText(conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadConversation(reader) : null;
    }

    public async Task<HistoryMessage> AppendMessageAsync(Guid conversationId, NewHistoryMessage message, CancellationToken cancellationToken = default)
    {
        HistoryArguments.CheckMessage(message);
        var createdAt = time.GetUtcNowMilliseconds();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Not RETURNING: with it, SQLite 3.35 reports a foreign-key violation only after the row was read, and the
        // reader drops it. last_insert_rowid() is per connection, so concurrent appends cannot see each other's.
        command.CommandText = """
            INSERT INTO messages (conversation_id, role, content, model_id, prompt_tokens, completion_tokens, latency_ms, created_at)
            VALUES (@conversation_id, @role, @content, @model_id, @prompt_tokens, @completion_tokens, @latency_ms, @created_at);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("@conversation_id", ToText(conversationId));
        command.Parameters.AddWithValue("@role", MessageRoleText.ToText(message.Role));
        command.Parameters.AddWithValue("@content", message.Content);
        command.Parameters.AddWithValue("@model_id", (object?)message.ModelId ?? DBNull.Value);
        command.Parameters.AddWithValue("@prompt_tokens", (object?)message.PromptTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("@completion_tokens", (object?)message.CompletionTokens ?? DBNull.Value);
        command.Parameters.AddWithValue("@latency_ms", (object?)message.LatencyMs ?? DBNull.Value);
        command.Parameters.AddWithValue("@created_at", createdAt.ToUnixTimeMilliseconds());
        try
        {
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            return new HistoryMessage(id, conversationId, message.Role, message.Content, message.ModelId,
                message.PromptTokens, message.CompletionTokens, message.LatencyMs, createdAt);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == ForeignKeyViolation)
        {
            throw new KeyNotFoundException($"Conversation {conversationId} does not exist.", ex);
        }
    }

    public async Task<IReadOnlyList<HistoryMessage>> ListMessagesAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {MessageColumns} FROM messages WHERE conversation_id = @id ORDER BY id;";
        command.Parameters.AddWithValue("@id", ToText(conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<HistoryMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new HistoryMessage(
                reader.GetInt64(0),
                Guid.Parse(reader.GetString(1)),
                MessageRoleText.Parse(reader.GetString(2)),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetInt32(7),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8))));
        }

        return messages;
    }

    public async Task<IReadOnlyList<Conversation>> ListConversationsAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        HistoryArguments.CheckPage(offset, limit);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, title, source, created_at FROM conversations
            ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset;
            """;
        command.Parameters.AddWithValue("@limit", limit);
        command.Parameters.AddWithValue("@offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var conversations = new List<Conversation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            conversations.Add(ReadConversation(reader));
        }

        return conversations;
    }

    private static Conversation ReadConversation(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        reader.GetString(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)));

    // Text, not Microsoft.Data.Sqlite's default BLOB, so the file stays readable with the sqlite3 shell.
    private static string ToText(Guid id) => id.ToString("D");
}
