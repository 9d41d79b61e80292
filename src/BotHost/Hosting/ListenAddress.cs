using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace ChatCouncil.BotHost.Hosting;

public static class ListenAddress
{
    /// <summary>Where the bot listens when nothing says otherwise: loopback only, so a fresh start is not exposed.</summary>
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>
    /// Applies <see cref="Default"/> unless an address is configured (<c>urls</c> / <c>--urls</c> /
    /// <c>ASPNETCORE_URLS</c>, <c>http_ports</c>, <c>https_ports</c>, or <c>Kestrel:Endpoints</c>).
    /// </summary>
    public static WebApplicationBuilder ListenOnLoopbackByDefault(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!IsConfigured(builder.Configuration))
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }

    internal static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
        || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
