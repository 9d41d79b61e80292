using System.Text.Json;
using ChatCouncil.TestSupport;
using ChatCouncil.TestSupport.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatCouncil.BotHost.Tests.WebChat;

/// <summary>The web chat page (src/BotHost/wwwroot) in headless Chromium, against the chat protocol.</summary>
public sealed class WebChatPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private FakeChatServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await FakeChatServer.StartAsync(RepositoryPaths.Combine("src", "BotHost", "wwwroot"));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_StreamsTokensIntoAssistantBubble_ThenShowsUsage()
    {
        await using var browser = await chromium.LaunchAsync();
        var page = await OpenConnectedAsync(browser);
        await Expect(page.GetByTestId("model-select").Locator("option:checked")).ToHaveTextAsync("tiny (default)");
        await Expect(page.GetByTestId("model-select").Locator("option")).ToHaveTextAsync(["other", "tiny (default)"]);
        _server.HoldStream = true;

        await page.GetByTestId("message-input").FillAsync("Hi there");
        await page.GetByTestId("send").ClickAsync();

        var answer = page.Locator("#messages .message.assistant .content");
        await Expect(page.Locator("#messages .message.user .content")).ToHaveTextAsync("Hi there");
        await Expect(answer).ToHaveTextAsync("Hello,");
        await Expect(page.GetByTestId("stop")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("usage")).ToHaveCountAsync(0);

        _server.ReleaseStream();

        await Expect(answer).ToHaveTextAsync("Hello, world! <b>not html</b>");
        await Expect(page.GetByTestId("usage")).ToHaveTextAsync("7 prompt + 5 completion tokens · 42 ms");
        await Expect(page.GetByTestId("send")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stop")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("#messages b").CountAsync());

        var sent = Assert.Single(_server.ReceivedFrames);
        Assert.Equal("message", sent.GetProperty("type").GetString());
        Assert.Equal("Hi there", sent.GetProperty("text").GetString());
        Assert.Equal(256, sent.GetProperty("options").GetProperty("maxTokens").GetInt32());
        Assert.Equal(0.7, sent.GetProperty("options").GetProperty("temperature").GetDouble(), 6);
        Assert.False(sent.TryGetProperty("model", out _), "the default model is not named");
        Assert.Equal([FakeChatServer.Protocol, "bearer." + FakeChatServer.GoodKey], Assert.Single(_server.RequestedProtocols));
        Assert.Empty(browser.PageErrors);
    }

    [Fact]
    public async Task Send_WithAnotherModelSelected_NamesThatModel()
    {
        await using var browser = await chromium.LaunchAsync();
        var page = await OpenConnectedAsync(browser);

        await page.GetByTestId("model-select").SelectOptionAsync("other");
        await page.GetByTestId("message-input").FillAsync("Which model?");
        await page.GetByTestId("message-input").PressAsync("Enter");

        await Expect(page.GetByTestId("usage")).ToBeVisibleAsync();
        Assert.Equal("other", Assert.Single(_server.ReceivedFrames).GetProperty("model").GetString());
    }

    [Fact]
    public async Task Stop_SendsCancel_AndMarksAnswerStopped()
    {
        await using var browser = await chromium.LaunchAsync();
        var page = await OpenConnectedAsync(browser);

        await page.GetByTestId("message-input").FillAsync("long");
        await page.GetByTestId("send").ClickAsync();
        await Expect(page.Locator(".message.assistant .content")).ToHaveTextAsync("Thinking");
        await page.GetByTestId("stop").ClickAsync();

        await Expect(page.GetByTestId("usage")).ToHaveTextAsync("stopped · 3 prompt + 1 completion tokens · 5 ms");
        await Expect(page.Locator(".message.assistant")).ToHaveAttributeAsync("data-finish-reason", "cancelled");
        Assert.Equal(["message", "cancel"], _server.ReceivedFrames.Select(f => f.GetProperty("type").GetString()));
        Assert.Empty(browser.PageErrors);
    }

    [Fact]
    public async Task WrongKey_ClosedWith1008_AsksForKeyAgain()
    {
        await using var browser = await chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseAddress.ToString());

        await page.GetByTestId("api-key").FillAsync("cc_wrong-key");
        await page.GetByTestId("save-key").ClickAsync();

        await Expect(page.GetByTestId("api-key")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("key-error")).ToContainTextAsync("rejected");
        await Expect(page.GetByTestId("status")).ToHaveAttributeAsync("data-state", "signed-out");
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('chatcouncil.apiKey')"));
        Assert.Equal(0, _server.Connections);

        await page.GetByTestId("api-key").FillAsync(FakeChatServer.GoodKey);
        await page.GetByTestId("save-key").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Connected · tiny");
    }

    [Fact]
    public async Task StoredKey_IsReusedAfterReload_UntilForgotten()
    {
        await using var browser = await chromium.LaunchAsync();
        var page = await OpenConnectedAsync(browser);

        await page.ReloadAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Connected · tiny");
        await Expect(page.GetByTestId("api-key")).ToBeHiddenAsync();

        await page.GetByTestId("forget-key").ClickAsync();
        await Expect(page.GetByTestId("api-key")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('chatcouncil.apiKey')"));
        Assert.Equal(2, _server.Connections);
    }

    [Fact]
    public async Task DroppedConnection_ReconnectsWithBackoff()
    {
        await using var browser = await chromium.LaunchAsync();
        var page = await OpenConnectedAsync(browser);

        _server.DropConnections();

        await Expect(page.Locator("#messages .notice")).ToContainTextAsync("Connection lost");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Connected · tiny");
        Assert.Equal(2, _server.Connections);
        await page.GetByTestId("message-input").FillAsync("Still there?");
        await page.GetByTestId("send").ClickAsync();
        await Expect(page.GetByTestId("usage")).ToBeVisibleAsync();
    }

    private async Task<IPage> OpenConnectedAsync(ChromiumSession browser)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_server.BaseAddress.ToString());
        await Expect(page.GetByTestId("api-key")).ToBeVisibleAsync();
        await page.GetByTestId("api-key").FillAsync(FakeChatServer.GoodKey);
        await page.GetByTestId("save-key").ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("Connected · tiny");
        return page;
    }
}
