using System.Security.Cryptography;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.BotHost.Tests.Scheduling;

/// <summary>Tests of a host running as a GitHub App: the app's private key and a fake GitHub API that knows it.</summary>
public abstract class GitHubAppTests : IAsyncLifetime, IDisposable
{
    protected RSA AppKey { get; } = RSA.Create(2048);

    protected FakeGitHubApi GitHub { get; private set; } = null!;

    public async Task InitializeAsync() => GitHub = await FakeGitHubApi.StartAsync(appKey: AppKey);

    public async Task DisposeAsync() => await GitHub.DisposeAsync();

    public void Dispose()
    {
        AppKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
