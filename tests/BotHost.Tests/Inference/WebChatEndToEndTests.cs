using System.Text.RegularExpressions;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.TestSupport.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCouncil.BotHost.Tests.Inference;

/// <summary>The real bot on a real port with the built-in model, driven from headless Chromium.</summary>
public sealed partial class WebChatEndToEndTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task TypeAMessage_TokensStreamIn_FromTheRealModel()
    {
        await using var host = new BotHostFactory();
        host.UseKestrel(0);
        host.StartServer();
        var key = await host.CreateKeyAsync(Scopes.Chat);
        var baseAddress = host.ClientOptions.BaseAddress;

        await using var browser = await chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(baseAddress.ToString());
        await page.GetByTestId("api-key").FillAsync(key.Key);
        await page.GetByTestId("save-key").ClickAsync();
        await Expect(page.GetByTestId("status")).ToContainTextAsync("Connected");

        await page.Locator("details.options summary").ClickAsync();
        await page.GetByTestId("max-tokens").FillAsync("64");
        await page.GetByTestId("message-input").FillAsync("Hello, council");
        await page.GetByTestId("send").ClickAsync();

        var answer = page.Locator("#messages .message.assistant .content");
        await Expect(answer).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("usage")).ToHaveTextAsync(UsageLine());
        Assert.Equal(64, (await answer.TextContentAsync())!.Length);
        Assert.Empty(browser.PageErrors);
    }

    [GeneratedRegex(@"token limit · \d+ prompt \+ 64 completion tokens · \d+(\.\d+)? m?s$")]
    private static partial Regex UsageLine();
}
