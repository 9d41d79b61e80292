using System.Runtime.CompilerServices;
using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Adapters;

/// <summary>
/// The <see cref="IChatClient"/> the rest of the solution sees: routes each call to the model named
/// by <see cref="ChatOptions.ModelId"/> or the default chat model, holding a lease on it for the
/// whole call so a hot swap never pulls the model out from under a running answer.
/// </summary>
public sealed class ModelRoutingChatClient(ModelRegistry registry) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var lease = registry.Acquire(options?.ModelId, ModelRoles.Chat);
        await foreach (var update in lease.Chat.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is null && serviceType.IsInstanceOfType(this))
        {
            return this;
        }

        if (serviceKey is null && serviceType == typeof(ModelRegistry))
        {
            return registry;
        }

        return serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("chatcouncil", null, registry.DefaultFor(ModelRoles.Chat)) : null;
    }

    public void Dispose()
    {
        // The registry owns the models.
    }
}
