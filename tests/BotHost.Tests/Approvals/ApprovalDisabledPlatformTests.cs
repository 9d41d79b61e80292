using System.Net;
using System.Net.Http.Json;
using ChatCouncil.BotHost.Tests.Hosting;

namespace ChatCouncil.BotHost.Tests.Approvals;

/// <summary>A host with no platform connector enabled: nowhere to post, so nothing is stored.</summary>
public sealed class ApprovalDisabledPlatformTests(BotHostFactory host) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task Create_OnAPlatformThatIsNotEnabled_Is404NamingTheSetting_AndStoresNothing()
    {
        using var admin = await host.CreateClientWithScopeAsync("admin");

        using var response = await admin.PostAsJsonAsync(new Uri("/approvals", UriKind.Relative),
            new { platform = "discord", workspace = "200", channel = "300", summary = "Deploy", requestedBy = "agent" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Connectors:Discord:Enabled", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var all = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/approvals", UriKind.Relative));
        Assert.Equal(0, all.GetArrayLength());
    }
}
