using Microsoft.Playwright;
using Xunit;

namespace ChatCouncil.TestSupport.Browser;

/// <summary>
/// Drives Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>make test</c>) through
/// Microsoft.Playwright. Share one per test class (<c>IClassFixture&lt;ChromiumFixture&gt;</c>) and
/// call <see cref="LaunchAsync"/> per test: every launch gets its own browser process and a fresh
/// temporary profile, so local storage never leaks between tests.
/// </summary>
/// <remarks>
/// Microsoft.Playwright ships its driver (Node and playwright-core) inside the NuGet package and only
/// downloads browsers when its <c>install</c> command runs, which nothing here calls; launching
/// with <see cref="ChromiumPath"/> as the executable means no Playwright browser build is needed.
/// A test project that uses this fixture references Microsoft.Playwright directly, so that the
/// package's build targets copy the driver into its output (TestSupport keeps them private).
/// </remarks>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Flags that keep Chromium quiet, offline and fit for a container without a GPU.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Browser tests drive Debian's chromium package: " +
                "run `make test`, which installs chromium (or `apt-get install chromium`).");
        }

        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
    }

    /// <summary>Starts a headless Chromium with a new temporary profile.</summary>
    /// <param name="configure">Adjusts the launch options, e.g. <c>BaseURL</c> or <c>ViewportSize</c>.</param>
    public async Task<ChromiumSession> LaunchAsync(Action<BrowserTypeLaunchPersistentContextOptions>? configure = null)
    {
        var playwright = _playwright ?? throw new InvalidOperationException("The fixture is not initialized.");
        var profile = Directory.CreateTempSubdirectory("chatcouncil-chromium-").FullName;
        var options = new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Arguments,
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        };
        configure?.Invoke(options);
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, options);
            context.SetDefaultTimeout(15_000);
            return new ChromiumSession(context, profile);
        }
        catch
        {
            ChromiumSession.DeleteProfile(profile);
            throw;
        }
    }

    public Task DisposeAsync()
    {
        _playwright?.Dispose();
        return Task.CompletedTask;
    }
}
