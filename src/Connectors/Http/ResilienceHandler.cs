namespace ChatCouncil.Connectors.Http;

/// <summary>
/// Runs every request through its host's resilience pipeline. Requests are re-sent as they are, so their
/// content must be buffered (the platform clients send byte-array or string content).
/// </summary>
public sealed class ResilienceHandler(HostResiliencePipelines pipelines) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri?.Authority ?? throw new ArgumentException("The request has no absolute URI.", nameof(request));
        return await pipelines.ForHost(host).ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken);
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
