using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;
using Polly.Timeout;

namespace ChatCouncil.Connectors.Http;

/// <summary>
/// One Polly.Core pipeline per host (its own circuit breaker), built on first use and kept by key:
/// total timeout → retry (platform-requested waits with jitter, else exponential jittered backoff) →
/// circuit breaker (5xx, timeouts, connection failures; not 429, which is the platform pacing us) → attempt timeout.
/// </summary>
public sealed class HostResiliencePipelines : IDisposable
{
    private static readonly ResiliencePropertyKey<TimeSpan?> PlatformDelay = new("ChatCouncil.PlatformDelay");

    private readonly ResiliencePipelineRegistry<string> _registry = new();
    private readonly ConnectorHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public HostResiliencePipelines(IOptions<ConnectorHttpOptions> options, TimeProvider time, ILogger<HostResiliencePipelines> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The pipeline for one host (authority, port included).</summary>
    public ResiliencePipeline<HttpResponseMessage> ForHost(string host) =>
        _registry.GetOrAddPipeline<HttpResponseMessage>(host, (builder, _) => Configure(builder, host));

    public void Dispose() => _registry.Dispose();

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, string host)
    {
        var options = _options;
        builder.TimeProvider = _time;
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            AddRetry(builder, host);
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.SamplingDuration,
            BreakDuration = options.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException or TimeoutRejectedException
                || (args.Outcome.Result is { } response && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout))),
            OnOpened = args =>
            {
                HttpLog.CircuitOpened(_logger, host, args.BreakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                HttpLog.CircuitClosed(_logger, host);
                return default;
            },
        });
        builder.AddTimeout(options.AttemptTimeout);
    }

    private void AddRetry(ResiliencePipelineBuilder<HttpResponseMessage> builder, string host)
    {
        var options = _options;
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = ShouldRetryAsync,
            DelayGenerator = args => ValueTask.FromResult(
                args.Context.Properties.TryGetValue(PlatformDelay, out var wait) && wait is { } platformWait ? platformWait + Jitter(platformWait) : (TimeSpan?)null),
            OnRetry = args =>
            {
                HttpLog.Retrying(_logger, host, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                return default;
            },
        });
    }

    private async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args)
    {
        args.Context.Properties.Set(PlatformDelay, null);
        if (args.Outcome.Exception is { } exception)
        {
            // The caller's own cancellation and an open circuit are not retried: both would only wait in vain.
            return exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = args.Outcome.Result!;
        if (!PlatformRetryDelay.IsTransientFailure(response))
        {
            return false;
        }

        var wait = await PlatformRetryDelay.ReadAsync(response, _time, args.Context.CancellationToken);
        args.Context.Properties.Set(PlatformDelay, wait);
        return wait is null || wait <= _options.MaxRetryAfter;
    }

    // Many clients told "retry after 2 s" at once would all come back together; spread them by up to 10% (≤ 1 s).
    private static TimeSpan Jitter(TimeSpan wait) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(wait.TotalMilliseconds / 10, 1000));

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name : ((int)outcome.Result!.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
