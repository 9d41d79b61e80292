using System.Security.Cryptography;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class GitHubRedeliverySweepTests : IAsyncLifetime, IDisposable
{
    private readonly OutboundHarness _harness = new();
    private readonly RSA _appKey = RSA.Create(2048);
    private FakeGitHubApi _github = null!;

    public async Task InitializeAsync() => _github = await FakeGitHubApi.StartAsync(appKey: _appKey, time: _harness.Time);

    public async Task DisposeAsync() => await _github.DisposeAsync();

    public void Dispose()
    {
        _harness.Dispose();
        _appKey.Dispose();
    }

    [Fact]
    public async Task RunOnceAsync_FailedDeliveries_AsksForOneNewAttemptOfEachFailedGuidOnly()
    {
        var now = _harness.Time.GetUtcNow();
        Add(1, "ok", now.AddMinutes(-30), 200);
        Add(2, "failed-once-then-ok", now.AddMinutes(-20), 500);
        Add(3, "failed-once-then-ok", now.AddMinutes(-19), 202, redelivery: true);
        Add(4, "failed-twice", now.AddMinutes(-10), 502);
        Add(5, "failed-twice", now.AddMinutes(-5), 504, redelivery: true);
        Add(6, "timed-out", now.AddMinutes(-1), 0);

        var result = await Sweep().RunOnceAsync(TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Equal([5L, 6L], result.Requested.Order());
        Assert.Equal((6, 2), (result.Listed, result.FailedDeliveries));
        Assert.Equal([5L, 6L], _github.RedeliveryRequests.Order());
    }

    [Fact]
    public async Task RunOnceAsync_OlderThanTheWindow_LeavesThemAlone()
    {
        Add(1, "old-failure", _harness.Time.GetUtcNow().AddDays(-2), 500);

        Assert.Empty((await Sweep().RunOnceAsync(TimeSpan.FromHours(1), CancellationToken.None)).Requested);
        Assert.Empty(_github.RedeliveryRequests);
    }

    [Fact]
    public async Task RunOnceAsync_ManyPages_FollowsTheLinkCursor()
    {
        _github.DeliveriesPageSize = 2;
        var now = _harness.Time.GetUtcNow();
        for (var i = 1; i <= 7; i++)
        {
            Add(i, $"guid-{i}", now.AddMinutes(-i), i % 2 == 0 ? 200 : 500);
        }

        var result = await Sweep().RunOnceAsync(TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Equal([1L, 3L, 5L, 7L], result.Requested.Order());
        Assert.Equal(4, _github.RequestsTo("/app/hook/deliveries").Count);
        Assert.All(_github.Requests, r => Assert.StartsWith("Bearer eyJ", r.Header("Authorization"), StringComparison.Ordinal));
    }

    private void Add(long id, string guid, DateTimeOffset at, int status, bool redelivery = false) =>
        _github.Deliveries.Enqueue(new GitHubHookDelivery(id, guid, at, status, redelivery));

    private GitHubRedeliverySweep Sweep()
    {
        var options = OutboundHarness.Wrap(new GitHubApiOptions { Enabled = true, AppId = FakeGitHubApi.AppId, PrivateKey = _appKey.ExportPkcs8PrivateKeyPem(), ApiBaseUrl = _github.BaseUrl });
        var http = _harness.Track(_harness.Clients.Create(_github.BaseUrl));
        var tokens = new GitHubTokenSource(http, options, _harness.Time, _harness.Logs.CreateLogger<GitHubTokenSource>());
        return new GitHubRedeliverySweep(http, tokens, options, _harness.Time, _harness.Logs.CreateLogger<GitHubRedeliverySweep>());
    }
}
