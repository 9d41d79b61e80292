using ChatCouncil.BotHost.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ChatCouncil.BotHost.Tests.Auth;

public sealed class ScopesTests
{
    [Theory]
    [InlineData("admin", "admin", true)]
    [InlineData("admin", "chat", true)]
    [InlineData("admin", "read", true)]
    [InlineData("chat", "chat", true)]
    [InlineData("chat", "read", true)]
    [InlineData("chat", "admin", false)]
    [InlineData("read", "read", true)]
    [InlineData("read", "chat", false)]
    [InlineData("read", "admin", false)]
    [InlineData("read", "root", false)]
    [InlineData("root", "read", false)]
    public void Grants_TheLadder_AdminOverChatOverRead(string held, string required, bool granted)
    {
        Assert.Equal(granted, Scopes.Grants([held], required));
    }

    [Fact]
    public void Normalize_MixedInput_TrimsLowercasesDeduplicatesAndOrders()
    {
        Assert.Equal(["read", "chat", "admin"], Scopes.Normalize([" Admin", "read", "chat", "READ", ""]));
    }

    [Fact]
    public void RequireScope_UnknownScope_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RecordingConventionBuilder().RequireScope("superuser"));
    }

    [Fact]
    public void RequireScope_KnownScope_RequiresThePolicyOfThatName()
    {
        var builder = new RecordingConventionBuilder().RequireScope(Scopes.Admin);
        var endpoint = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse("/x"), 0);

        builder.Apply(endpoint);

        Assert.Equal(Scopes.Admin, Assert.Single(endpoint.Metadata.OfType<IAuthorizeData>()).Policy);
    }

    private sealed class RecordingConventionBuilder : IEndpointConventionBuilder
    {
        private readonly List<Action<EndpointBuilder>> _conventions = [];

        public void Add(Action<EndpointBuilder> convention) => _conventions.Add(convention);

        public void Apply(EndpointBuilder endpoint) => _conventions.ForEach(c => c(endpoint));
    }
}
