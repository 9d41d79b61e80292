namespace ChatCouncil.Connectors.Http;

/// <summary>
/// Builds the platform HttpClients over one shared connection pool, each behind the resilience handler.
/// (Microsoft.Extensions.Http is avoided on purpose: its default logging writes request URLs, and Discord
/// webhook URLs carry interaction tokens.)
/// </summary>
public sealed class PlatformHttpClients(HostResiliencePipelines pipelines) : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentBag<HttpClient> _created = [];

    private readonly HttpMessageInvoker _connections = new(
        new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        },
        disposeHandler: true);

    public HttpClient Create(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
#pragma warning disable CA2000 // The HttpClient owns the resilience handler; the shared pool is disposed with this factory.
        var handler = new ResilienceHandler(pipelines) { InnerHandler = new SharedPoolHandler(_connections) };
#pragma warning restore CA2000
        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = WithTrailingSlash(baseAddress),
            // The pipeline owns timeouts, including waits between retries.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _created.Add(client);
        return client;
    }

    /// <summary>Disposes the clients it created and the shared pool.</summary>
    public void Dispose()
    {
        foreach (var client in _created)
        {
            client.Dispose();
        }

        _connections.Dispose();
    }

    /// <summary>Relative paths resolve under the base path only when it ends with a slash (https://HOST/api/v3/).</summary>
    public static Uri WithTrailingSlash(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    private sealed class SharedPoolHandler(HttpMessageInvoker pool) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            pool.SendAsync(request, cancellationToken);
    }
}
