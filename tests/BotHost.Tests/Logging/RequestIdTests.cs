using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Logging;
using ChatCouncil.BotHost.Tests.Hosting;

namespace ChatCouncil.BotHost.Tests.Logging;

public sealed class RequestIdTests(VerboseBotHostFactory factory) : IClassFixture<VerboseBotHostFactory>
{
    [Fact]
    public async Task Request_WellFormedIncomingId_IsEchoed()
    {
        using var response = await SendAsync("/health/live", "req-42.a_B:7");

        Assert.Equal("req-42.a_B:7", Echoed(response));
    }

    [Fact]
    public async Task Request_NoIncomingId_GetsANewOne()
    {
        using var first = await SendAsync("/health/live", requestId: null);
        using var second = await SendAsync("/health/live", requestId: null);

        Assert.Matches("^[0-9a-f]{32}$", Echoed(first));
        Assert.NotEqual(Echoed(first), Echoed(second));
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("<script>")]
    [InlineData("line\u2028break")]
    [InlineData("ünïcode")]
    public async Task Request_MalformedIncomingId_IsReplaced(string incoming)
    {
        using var response = await SendAsync("/health/live", incoming);

        Assert.Matches("^[0-9a-f]{32}$", Echoed(response));
    }

    [Fact]
    public async Task Request_OverlongIncomingId_IsReplaced()
    {
        using var response = await SendAsync("/health/live", new string('a', RequestIds.MaxLength + 1));

        Assert.Matches("^[0-9a-f]{32}$", Echoed(response));
    }

    [Fact]
    public async Task Request_Rejected_CarriesTheIdInHeaderAndProblem()
    {
        using var response = await SendAsync("/me", "rejected-1");

        Assert.Equal("rejected-1", Echoed(response));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected-1", problem.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Request_LogsWrittenDuringIt_CarryTheRequestIdScope()
    {
        var requestId = $"scope-{Guid.NewGuid():N}";

        using var response = await SendAsync("/me", requestId);

        var tagged = factory.Logs.Entries
            .Where(e => e.ScopeValues.Any(v => v.Key == "RequestId" && Equals(v.Value, requestId)))
            .ToList();
        Assert.Contains(tagged, e => e.Category.StartsWith("ChatCouncil.BotHost.Auth", StringComparison.Ordinal));
        Assert.Contains(tagged, e => e.Category.StartsWith("Microsoft.AspNetCore.Authorization", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? requestId)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation(RequestIds.HeaderName, requestId);
        }

        return await client.SendAsync(request);
    }

    private static string Echoed(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues(RequestIds.HeaderName));
}
