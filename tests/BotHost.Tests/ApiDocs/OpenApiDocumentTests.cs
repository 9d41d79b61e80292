using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Tests.Hosting;

namespace ChatCouncil.BotHost.Tests.ApiDocs;

public sealed class OpenApiDocumentTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    [Fact]
    public async Task OpenApi_NoKey_DeclaresTheBearerScheme()
    {
        var document = await GetDocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Theory]
    [InlineData("/me", "get", "read")]
    [InlineData("/keys", "get", "admin")]
    [InlineData("/models", "get", "read")]
    [InlineData("/models/{id}/load", "post", "admin")]
    [InlineData("/predict", "post", "chat")]
    [InlineData("/conversations", "get", "read")]
    [InlineData("/conversations/{id}", "get", "read")]
    public async Task OpenApi_SecuredOperation_RequiresTheBearerSchemeWithItsScope(string path, string method, string scope)
    {
        var document = await GetDocumentAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        Assert.Equal([scope], requirement.GetProperty("Bearer").EnumerateArray().Select(s => s.GetString()));
        Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
    }

    private async Task<JsonElement> GetDocumentAsync()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
