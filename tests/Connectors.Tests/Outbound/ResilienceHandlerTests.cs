using System.Net;
using System.Text;
using ChatCouncil.TestSupport.Fakes;
using Polly.CircuitBreaker;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class ResilienceHandlerTests : IAsyncLifetime, IDisposable
{
    private readonly OutboundHarness _harness = new();
    private FakeSlackApi _slack = null!;

    public async Task InitializeAsync() => _slack = await FakeSlackApi.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Send_RateLimitedWithRetryAfter_WaitsAsToldThenSucceeds()
    {
        _slack.RateLimitNext(1, TimeSpan.FromSeconds(7));
        using var client = _harness.Clients.Create(_slack.ApiUrl);

        using var response = await PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([429, 200], _slack.Requests.Select(r => r.Status));
        Assert.Single(_slack.Messages);
        var wait = Assert.Single(_harness.Time.Waits, w => w >= TimeSpan.FromSeconds(1));
        Assert.InRange(wait, TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.7));
    }

    [Fact]
    public async Task Send_ServerErrorsThenSuccess_RetriesWithGrowingBackoff()
    {
        _slack.FailNext(3, 500);
        using var client = _harness.Clients.Create(_slack.ApiUrl);

        using var response = await PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([500, 500, 500, 200], _slack.Requests.Select(r => r.Status));
        Assert.Single(_slack.Messages);
        Assert.Equal(3, _harness.Time.Waits.Count(w => w > TimeSpan.Zero && w < TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Send_ClientError_IsNotRetried(int status)
    {
        _slack.FailNext(1, status);
        using var client = _harness.Clients.Create(_slack.ApiUrl);

        using var response = await PostAsync(client);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Single(_slack.Requests);
    }

    [Fact]
    public async Task Send_ForbiddenWithRetryAfter_IsRetriedAsSecondaryRateLimit()
    {
        _slack.ScriptNext(1, http =>
        {
            http.Response.StatusCode = 403;
            http.Response.Headers.RetryAfter = "3";
            return Task.CompletedTask;
        });
        using var client = _harness.Clients.Create(_slack.ApiUrl);

        using var response = await PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([403, 200], _slack.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Send_RetryAfterBeyondLimit_ReturnsTheRateLimitWithoutWaiting()
    {
        _slack.RateLimitNext(1, TimeSpan.FromMinutes(30));
        using var client = _harness.Clients.Create(_slack.ApiUrl);

        using var response = await PostAsync(client);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(_slack.Requests);
        Assert.Empty(_slack.Messages);
    }

    [Fact]
    public async Task Send_ServerKeepsFailing_GivesUpAfterMaxAttempts()
    {
        _slack.FailNext(50, 503);
        using var client = _harness.Clients.Create(_slack.ApiUrl);

        using var response = await PostAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(_harness.Options.MaxRetryAttempts + 1, _slack.Requests.Count);
    }

    [Fact]
    public async Task Send_HostKeepsFailing_OpensItsCircuitAndFailsFastWithoutCallingIt()
    {
        using var harness = new OutboundHarness(o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitMinimumThroughput = 4;
            o.CircuitFailureRatio = 0.5;
        });
        _slack.FailNext(4, 500);
        using var client = harness.Clients.Create(_slack.ApiUrl);
        for (var i = 0; i < 4; i++)
        {
            using var failed = await PostAsync(client);
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => PostAsync(client));
        Assert.Equal(4, _slack.Requests.Count);

        harness.Time.Advance(harness.Options.BreakDuration + TimeSpan.FromSeconds(1));
        using var recovered = await PostAsync(client);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Send_AttemptTimesOut_RetriesAndSucceeds()
    {
        // Real time here: the fake clock cannot make a real socket wait. The limit leaves a loaded machine room for the good attempt.
        var options = new Http.ConnectorHttpOptions { AttemptTimeout = TimeSpan.FromSeconds(2), BaseDelay = TimeSpan.FromMilliseconds(10) };
        using var pipelines = new Http.HostResiliencePipelines(OutboundHarness.Wrap(options), TimeProvider.System, _harness.Logs.CreateLogger<Http.HostResiliencePipelines>());
        using var clients = new Http.PlatformHttpClients(pipelines);
        _slack.ScriptNext(1, http => Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted));
        using var client = clients.Create(_slack.ApiUrl);

        using var response = await PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_slack.Messages);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat.postMessage")
        {
            Content = new StringContent("""{"channel":"C1","text":"hi"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", FakeSlackApi.BotToken);
        return await client.SendAsync(request);
    }
}
