using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Tests.Ask;

/// <summary>A chat client whose answer is a delegate of the messages it was sent (dotnet/extensions' TestChatClient pattern).</summary>
public sealed class TestChatClient(Func<IReadOnlyList<ChatMessage>, string> answer) : IChatClient
{
    public List<IReadOnlyList<ChatMessage>> Calls { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ChatMessage> sent = [.. messages];
        Calls.Add(sent);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(sent))) { ModelId = "test-model" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
