using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ChatCouncil.BotHost.Auth.Keys;

public static class KeyEndpoints
{
    /// <summary>
    /// <c>GET /keys</c> (admin): every key with its scopes and dates, never a secret. Keys are created and revoked
    /// with the <c>keys</c> command line, which prints a new key once.
    /// </summary>
    public static RouteGroupBuilder MapKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/keys").WithTags("Access").RequireScope(Scopes.Admin);
        group.MapGet("", ListAsync).WithName("ListKeys").WithSummary("All API keys, revoked ones included (no secrets).");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyInfo>>> ListAsync(IApiKeyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));
}
