using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Tests.Hosting;

namespace ChatCouncil.BotHost.Tests.Inference;

public sealed class ModelEndpointsTests : IClassFixture<ModelEndpointsTests.TwoModelHost>
{
    private readonly TwoModelHost _host;

    public ModelEndpointsTests(TwoModelHost host) => _host = host;

    [Fact]
    public async Task List_WithReadKey_ShowsDefaultsAndLoadedState()
    {
        using var client = await _host.CreateClientWithScopeAsync(Scopes.Read);
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/models", UriKind.Relative)));

        Assert.Equal("tiny", doc.RootElement.GetProperty("defaults").GetProperty("chat").GetString());
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        Assert.Equal("loaded", models["tiny"].GetProperty("state").GetString());
        Assert.Equal("llama", models["tiny"].GetProperty("facts").GetProperty("architecture").GetString());
        Assert.Equal("notLoaded", models["spare"].GetProperty("state").GetString());
    }

    [Fact]
    public async Task List_WithoutKey_Is401()
    {
        using var client = _host.CreateClient();
        var response = await client.GetAsync(new Uri("/models", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Load_WithChatKey_Is403()
    {
        using var client = await _host.CreateClientWithScopeAsync(Scopes.Chat);
        var response = await client.PostAsync(new Uri("/models/tiny/load", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Load_UnknownModel_Is404WithKnownIds()
    {
        using var client = await _host.CreateClientWithScopeAsync(Scopes.Admin);
        var response = await client.PostAsync(new Uri("/models/nope/load", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("spare", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MissingFile_Is422NamingThePath()
    {
        using var client = await _host.CreateClientWithScopeAsync(Scopes.Admin);
        var response = await client.PostAsync(new Uri("/models/broken/load", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(TwoModelHost.MissingPath, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_SpareModel_BecomesChatDefaultAndServesPredictions()
    {
        using var admin = await _host.CreateClientWithScopeAsync(Scopes.Admin);
        var response = await admin.PostAsync(new Uri("/models/spare/load", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        try
        {
            var predict = await admin.PostAsJsonAsync(new Uri("/predict", UriKind.Relative), new { prompt = "who answers?", parameters = new { maxTokens = 3 } });
            var body = await predict.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("spare", body.GetProperty("model").GetString());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri("/models/tiny/load", UriKind.Relative), null)).StatusCode);
        }
    }

    public sealed class TwoModelHost : BotHostFactory
    {
        public static readonly string MissingPath = Path.Combine(Path.GetTempPath(), "chatcouncil-tests", "no-such-model.gguf");

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            settings["Inference:Models:tiny:Path"] = "builtin:tiny";
            settings["Inference:Models:tiny:Roles:0"] = "chat";
            settings["Inference:Models:tiny:ContextLength"] = "512";
            settings["Inference:Models:spare:Path"] = "builtin:tiny";
            settings["Inference:Models:spare:Roles:0"] = "chat";
            settings["Inference:Models:spare:ContextLength"] = "512";
            settings["Inference:Models:broken:Path"] = MissingPath;
            settings["Inference:DefaultModels:chat"] = "tiny";
        }
    }
}
