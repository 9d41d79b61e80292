using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.FirstRun;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.TestSupport.Files;

namespace ChatCouncil.BotHost.Tests.Auth;

public sealed class FirstRunKeyTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Start_EmptyEmbeddedStore_ShowsOneAdminKeyThatWorks()
    {
        using var factory = new FactoryOnFile(_directory.File("bot.db"));
        using var client = factory.CreateClient();

        var key = Assert.Single(factory.FirstRunKeys.Keys);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        var me = await client.GetFromJsonAsync<MeResponse>(new Uri("/me", UriKind.Relative));

        Assert.Equal(FirstRunKeyService.KeyName, me!.Name);
        Assert.Equal([Scopes.Admin], me.Scopes);
    }

    [Fact]
    public async Task Start_SecondTimeOnTheSameStore_ShowsNoKey()
    {
        var path = _directory.File("bot.db");
        string firstKey;
        using (var first = new FactoryOnFile(path))
        {
            first.CreateClient().Dispose();
            firstKey = Assert.Single(first.FirstRunKeys.Keys).Key;
        }

        using var second = new FactoryOnFile(path);
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", firstKey);

        Assert.Empty(second.FirstRunKeys.Keys);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void ConsoleWriter_Write_PrintsTheKeyOnceWithWhereToUseIt()
    {
        var key = new CreatedApiKey(
            new ApiKeyInfo("0123456789ab", FirstRunKeyService.KeyName, [Scopes.Admin], DateTimeOffset.UnixEpoch, null, null),
            "cc_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var output = new StringWriter();

        new ConsoleFirstRunKeyWriter(output).Write(key);

        var text = output.ToString();
        Assert.Single(text.Split('\n'), line => line.Contains(key.Key, StringComparison.Ordinal));
        Assert.Contains("web chat page at / asks for this key", text, StringComparison.Ordinal);
        Assert.Contains("keys --help", text, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private sealed class FactoryOnFile(string path) : BotHostFactory
    {
        protected override void ConfigureSettings(IDictionary<string, string?> settings) => settings["Storage:SqlitePath"] = path;
    }
}
