using ChatCouncil.BotHost.Tests.Inbox;
using ChatCouncil.Connectors.Conversations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

[assembly: HostingStartup(typeof(FileRecordingStartup))]

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>
/// Loaded only into a BotHost child process started with <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=ChatCouncil.BotHost.Tests</c>
/// (see <see cref="KillAndRestartTests"/>): registers a Slack client that writes replies to the file named by
/// <see cref="RepliesVariable"/>. Without that variable it does nothing.
/// </summary>
public sealed class FileRecordingStartup : IHostingStartup
{
    public const string RepliesVariable = "CHATCOUNCIL_TEST_REPLIES_FILE";

    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Environment.GetEnvironmentVariable(RepliesVariable) is not { Length: > 0 } path)
        {
            return;
        }

        builder.ConfigureServices(services => services.AddSingleton<IChatPlatformClient>(new FileRecordingChatPlatformClient(path)));
    }
}
