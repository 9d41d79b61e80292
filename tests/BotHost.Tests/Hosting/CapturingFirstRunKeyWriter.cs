using System.Collections.Concurrent;
using ChatCouncil.BotHost.Auth.FirstRun;
using ChatCouncil.BotHost.Auth.Keys;

namespace ChatCouncil.BotHost.Tests.Hosting;

public sealed class CapturingFirstRunKeyWriter : IFirstRunKeyWriter
{
    private readonly ConcurrentQueue<CreatedApiKey> _keys = new();

    public IReadOnlyList<CreatedApiKey> Keys => [.. _keys];

    public void Write(CreatedApiKey key) => _keys.Enqueue(key);
}
