using ChatCouncil.BotHost.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatCouncil.BotHost.Tests.Hosting;

public sealed class ListenAddressTests
{
    [Fact]
    public void ListenOnLoopbackByDefault_NothingConfigured_ListensOnLoopback5080()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        builder.ListenOnLoopbackByDefault();

        Assert.Equal("http://127.0.0.1:5080", builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080")]
    public void IsConfigured_AnAddressSetting_LeavesItAlone(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value })
            .Build();

        Assert.True(ListenAddress.IsConfigured(configuration));
    }

    [Fact]
    public void IsConfigured_UnrelatedSettings_IsFalse()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "sqlite", ["urls"] = " " })
            .Build();

        Assert.False(ListenAddress.IsConfigured(configuration));
    }
}
