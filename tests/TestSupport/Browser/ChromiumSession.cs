using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ChatCouncil.TestSupport.Browser;

/// <summary>
/// One running Chromium with its own temporary profile (deleted on dispose). Pages opened through
/// <see cref="NewPageAsync"/> report console errors and uncaught exceptions into <see cref="PageErrors"/>,
/// so a test can assert that the page ran cleanly.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private bool _blankTabTaken;

    internal ChromiumSession(IBrowserContext context, string profileDirectory)
    {
        Context = context;
        ProfileDirectory = profileDirectory;
    }

    public IBrowserContext Context { get; }

    public string ProfileDirectory { get; }

    /// <summary>Console errors and uncaught exceptions seen on pages opened by this session.</summary>
    public IReadOnlyCollection<string> PageErrors => _pageErrors;

    /// <summary>A page in this browser; the first call reuses the blank tab Chromium opens with.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var reuseBlankTab = !_blankTabTaken && Context.Pages.Count == 1 && Context.Pages[0].Url == "about:blank";
        _blankTabTaken = true;
        var page = reuseBlankTab ? Context.Pages[0] : await Context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _pageErrors.Enqueue($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _pageErrors.Enqueue($"exception: {error}");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        DeleteProfile(ProfileDirectory);
    }

    internal static void DeleteProfile(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // as above
        }
    }
}
