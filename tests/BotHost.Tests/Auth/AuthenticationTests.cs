using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Auth;

public sealed class AuthenticationTests(BotHostFactory factory) : IClassFixture<BotHostFactory>
{
    private static readonly Uri Me = new("/me", UriKind.Relative);
    private static readonly Uri Keys = new("/keys", UriKind.Relative);

    [Fact]
    public async Task Me_NoKey_Returns401ProblemWithBearerChallenge()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_InvalidKey_Returns401InvalidToken()
    {
        using var client = ClientWith("cc_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        using var response = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("The API key is not valid.", await DetailAsync(response));
    }

    [Fact]
    public async Task Me_RevokedKey_Returns401SayingRevoked()
    {
        var key = await factory.CreateKeyAsync(Scopes.Admin);
        await factory.Services.GetRequiredService<IApiKeyStore>().RevokeAsync(key.Info.Id);
        using var client = ClientWith(key.Key);

        using var response = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal($"The API key {key.Info.Id} was revoked.", await DetailAsync(response));
    }

    [Fact]
    public async Task Me_OtherAuthorizationScheme_Returns401()
    {
        var key = await factory.CreateKeyAsync(Scopes.Read);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", key.Key);

        using var response = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("access_token")]
    [InlineData("key")]
    [InlineData("api_key")]
    [InlineData("bearer")]
    public async Task Me_KeyInQueryString_Returns401(string parameter)
    {
        var key = await factory.CreateKeyAsync(Scopes.Admin);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/me?{parameter}={key.Key}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_SubprotocolHeaderOnPlainRequest_Returns401()
    {
        var key = await factory.CreateKeyAsync(Scopes.Admin);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Sec-WebSocket-Protocol", $"{ChatCouncilWebSockets.SubProtocol}, bearer.{key.Key}");

        using var response = await client.GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Me_ReadKey_ReturnsTheKeysIdentity()
    {
        var key = await factory.CreateKeyAsync(Scopes.Read);
        using var client = ClientWith(key.Key);

        var me = await client.GetFromJsonAsync<MeResponse>(Me);

        Assert.Equal(key.Info.Id, me!.KeyId);
        Assert.Equal(key.Info.Name, me.Name);
        Assert.Equal([Scopes.Read], me.Scopes);
        Assert.Equal([Scopes.Read], me.Grants);
    }

    [Fact]
    public async Task Me_AdminKey_GrantsEveryScope()
    {
        using var client = await factory.CreateClientWithScopeAsync(Scopes.Admin);

        var me = await client.GetFromJsonAsync<MeResponse>(Me);

        Assert.Equal([Scopes.Admin], me!.Scopes);
        Assert.Equal(Scopes.All, me.Grants);
    }

    [Theory]
    [InlineData(Scopes.Read)]
    [InlineData(Scopes.Chat)]
    public async Task Keys_KeyWithoutAdmin_Returns403NamingTheScope(string scope)
    {
        using var client = await factory.CreateClientWithScopeAsync(scope);

        using var response = await client.GetAsync(Keys);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Bearer error=\"insufficient_scope\", scope=\"admin\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal($"This route needs the 'admin' scope; this key has: {scope}.", await DetailAsync(response));
    }

    [Fact]
    public async Task Keys_AdminKey_ListsKeysWithoutSecrets()
    {
        var listed = await factory.CreateKeyAsync(Scopes.Chat);
        using var client = await factory.CreateClientWithScopeAsync(Scopes.Admin);

        using var response = await client.GetAsync(Keys);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(listed.Info.Id, body, StringComparison.Ordinal);
        Assert.DoesNotContain(listed.Key[^43..], body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_NoKey_Returns401NotARouteMap()
    {
        using var anonymous = factory.CreateClient();
        using var authenticated = await factory.CreateClientWithScopeAsync(Scopes.Read);
        var path = new Uri("/no/such/route", UriKind.Relative);

        using var withoutKey = await anonymous.GetAsync(path);
        using var withKey = await authenticated.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withKey.StatusCode);
    }

    private HttpClient ClientWith(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
}
