using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Memory;

/// <summary>
/// The host with a 1 KiB document limit and a chat client that answers by rule, so Ask's citations are deterministic.
/// <see cref="Settings"/> adds settings (PostgreSQL, for one).
/// </summary>
public class MemoryHostFactory : BotHostFactory
{
    public const int MaxDocumentBytes = 1024;

    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Memory:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Memory:ChunkTokens"] = "32";
        settings["Memory:OverlapTokens"] = "4";
        settings["Memory:AgentPriorities:boss"] = "10";
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IChatClient>(new RuleChatClient()));
    }

    /// <summary>Cites source 1 when the prompt holds the word "restart"; otherwise cites nothing.</summary>
    private sealed class RuleChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var prompt = messages.Last().Text;
            var text = prompt.Contains("restart", StringComparison.Ordinal) ? "Restart the worker [1]." : "I do not know.";
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = "rule" });
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
