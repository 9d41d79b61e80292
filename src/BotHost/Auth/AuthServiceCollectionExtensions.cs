using ChatCouncil.BotHost.Auth.FirstRun;
using ChatCouncil.BotHost.Auth.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatCouncil.BotHost.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Bearer API keys with scope policies named <see cref="Scopes.Read"/>, <see cref="Scopes.Chat"/> and
    /// <see cref="Scopes.Admin"/>. Secure by default: the fallback policy asks for a key with read scope on every
    /// route that states nothing, so public routes must opt out with <c>AllowAnonymous()</c>.
    /// Call after <c>AddStorage()</c>: the first-run key is minted once the schema is migrated.
    /// </summary>
    public static IHostApplicationBuilder AddApiKeyAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddApiKeyStore();
        services.AddAuthentication(ApiKeyDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, configureOptions: null);
        services.AddAuthorization(options =>
        {
            foreach (var scope in Scopes.All)
            {
                options.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(ApiKeyDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .AddRequirements(new ScopeRequirement(scope)));
            }

            options.FallbackPolicy = options.GetPolicy(Scopes.Read);
        });
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ScopeAuthorizationResultHandler>();
        services.TryAddSingleton<IFirstRunKeyWriter, ConsoleFirstRunKeyWriter>();
        services.AddHostedService<FirstRunKeyService>();
        return builder;
    }

    /// <summary>
    /// Authentication and authorization middleware. Anything that must stay public without an endpoint
    /// (static files) goes before this call; endpoints opt out with <c>AllowAnonymous()</c>.
    /// </summary>
    public static WebApplication UseApiKeyAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
