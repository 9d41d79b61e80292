using ChatCouncil.Memory.Namespaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatCouncil.Memory.Invalidation;

/// <summary>
/// Index invalidations over Redis pub/sub: each committed write is published on one channel and every process sharing
/// the database is subscribed to it. Connects without failing when Redis is down (the stores then check version rows)
/// and, when the subscription connection comes back, asks its subscriber to verify everything it cached, since
/// messages published in the gap were lost.
/// </summary>
public sealed class RedisIndexInvalidation : IIndexInvalidation, IDisposable
{
    /// <summary>The channel used when none is configured. Processes on different databases need different channels.</summary>
    public const string DefaultChannel = "chatcouncil:memory:invalidate";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(2);
    private readonly ConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly ILogger _logger;
    private readonly Lock _subscribersLock = new();
    private (Action<MemoryNamespace, long> Changed, Action Reset)[] _subscribers = [];
    private volatile bool _listening;
    private bool _subscribed;
    private long _received;

    private RedisIndexInvalidation(ConnectionMultiplexer redis, string channel, ILogger logger)
    {
        _redis = redis;
        _channel = new RedisChannel(channel, RedisChannel.PatternMode.Literal);
        _logger = logger;
    }

    public bool IsListening => _listening && _redis.IsConnected;

    /// <summary>How many invalidations this process has received, its own included.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Connects and subscribes; returns even when Redis is unreachable, and keeps trying in the background.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; never logged.</param>
    /// <param name="channel">Shared by every process on the same database, and by no process on another one.</param>
    /// <param name="logger">Where lost and restored subscriptions are reported.</param>
    public static RedisIndexInvalidation Connect(string configuration, string channel = DefaultChannel, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        var invalidation = new RedisIndexInvalidation(ConnectionMultiplexer.Connect(options), channel, logger ?? NullLogger.Instance);
        invalidation.Start();
        return invalidation;
    }

    public void Subscribe(Action<MemoryNamespace, long> changed, Action reset)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(reset);
        lock (_subscribersLock)
        {
            _subscribers = [.. _subscribers, (changed, reset)];
        }
    }

    public async Task PublishAsync(MemoryNamespace ns, long version)
    {
        try
        {
            // StackExchange.Redis 1.x has no timeout of its own for an async command on a connection not yet known dead.
            await _redis.GetSubscriber().PublishAsync(_channel, InvalidationMessage.Format(ns, version)).WaitAsync(PublishTimeout);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Subscribers that missed it either are not listening (and check version rows) or verify on reconnect.
            Log.PublishFailed(_logger, exception, ns.ToString(), version);
        }
    }

    public void Dispose()
    {
        _listening = false;
        _redis.Dispose();
    }

    private void Start()
    {
        _redis.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                _listening = false;
                Log.Lost(_logger, e.Exception, e.FailureType.ToString());
            }
        };
        _redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                // Off the multiplexer's own thread: subscribing waits for Redis to answer.
                _ = Task.Run(TrySubscribe);
            }
        };
        TrySubscribe();
    }

    private void TrySubscribe()
    {
        try
        {
            // The multiplexer re-subscribes by itself after a reconnect, so only a subscription that never succeeded is
            // sent again (sending it twice would deliver every message twice).
            if (!_subscribed)
            {
                _redis.GetSubscriber().Subscribe(_channel, OnMessage);
                _subscribed = true;
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Reset();
            }

            _listening = true;
            Log.Listening(_logger, (string)_channel!);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            _listening = false;
            Log.Lost(_logger, exception, "subscribe failed");
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (!InvalidationMessage.TryParse(message, out var ns, out var version))
        {
            Log.Malformed(_logger, (string)channel!);
            return;
        }

        Interlocked.Increment(ref _received);
        foreach (var subscriber in _subscribers)
        {
            subscriber.Changed(ns, version);
        }
    }
}
