using ChatCouncil.BotHost.Approvals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Approvals;

public sealed class ApprovalConfigurationTests
{
    [Theory]
    [InlineData("Approvals:DefaultExpiry", "00:00:00", "Approvals:DefaultExpiry must be positive")]
    [InlineData("Approvals:DefaultExpiry", "30.00:00:00", "not longer than Approvals:MaxExpiry")]
    [InlineData("Approvals:PollInterval", "00:00:00", "Approvals:PollInterval must be between")]
    public async Task Start_BadSetting_FailsNamingIt(string key, string value, string message)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddLogging();
        builder.AddApprovals();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
