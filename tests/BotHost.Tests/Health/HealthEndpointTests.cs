using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Health;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatCouncil.BotHost.Tests.Health;

public sealed class HealthEndpointTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task Health_NoKey_ReportsEveryCheckAsJson()
    {
        var (status, body) = await GetAsync(factory, "/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var storage = body.GetProperty("checks").GetProperty("storage");
        Assert.Equal("Healthy", storage.GetProperty("status").GetString());
        Assert.Equal("sqlite", storage.GetProperty("data").GetProperty("provider").GetString());
        Assert.Equal(MigrationCatalog.For(StorageProvider.Sqlite)[^1].Version, storage.GetProperty("data").GetProperty("schemaVersion").GetInt32());
        Assert.Equal([HealthTags.Ready], storage.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task HealthReady_NoKey_RunsTheReadinessChecks()
    {
        var (status, body) = await GetAsync(factory, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("checks").TryGetProperty("storage", out _));
        Assert.Equal("tiny loaded on cpu", body.GetProperty("checks").GetProperty("model").GetProperty("description").GetString());
    }

    [Fact]
    public async Task HealthLive_NoKey_RunsNoCheck()
    {
        var (status, body) = await GetAsync(factory, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task HealthReady_FailingReadyCheck_Answers503WhileLiveStaysUp()
    {
        using var notReady = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("probe", () => HealthCheckResult.Unhealthy("Probe says no."), [HealthTags.Ready])));

        var (readyStatus, ready) = await GetAsync(notReady, "/health/ready");
        var (liveStatus, _) = await GetAsync(notReady, "/health/live");
        var (overallStatus, _) = await GetAsync(notReady, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Probe says no.", ready.GetProperty("checks").GetProperty("probe").GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, liveStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, overallStatus);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(
        Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> host, string path)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
