using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>A reply that takes longer than the claim's lease keeps its claim, so no other worker answers it again.</summary>
public sealed class LeaseRenewalTests(LeaseRenewalTests.ShortLeaseHost host) : IClassFixture<LeaseRenewalTests.ShortLeaseHost>
{
    [Fact]
    public async Task Process_SendOutlastsTheLease_IsAnsweredOnce()
    {
        using var client = host.CreateSignedClient();

        using var response = await client.SendAsync(Payloads.Post("/webhooks/slack/events", Payloads.SlackMention("EvSlow", "1700009000.000100", channel: "CSLOW")));
        response.EnsureSuccessStatusCode();
        await host.Recorder.WaitForAsync("EvSlow");
        // Other workers poll every 50 ms; a lapsed claim would have been taken and answered by now.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Single(host.Recorder.For("EvSlow"));
    }

    public sealed class ShortLeaseHost : WebhookHostFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Inbox:Lease"] = "00:00:02";
        }

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Clients[ChatPlatform.Slack].SendDelay = TimeSpan.FromSeconds(4.5);
        }
    }
}
