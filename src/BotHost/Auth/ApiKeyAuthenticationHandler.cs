using System.Text.Encodings.Web;
using ChatCouncil.BotHost.Auth.Keys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Auth;

/// <summary>
/// Authenticates a request by its API key and answers failures with ProblemDetails. Failure messages
/// are logged by the framework, so they never contain the presented key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IApiKeyStore store,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string MissingKey =
        "This route needs an API key: send 'Authorization: Bearer <key>' (a browser WebSocket offers the subprotocol 'bearer.<key>').";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKeyReader.Read(Context);
        if (presented.Problem is not null)
        {
            return AuthenticateResult.Fail(presented.Problem);
        }

        if (presented.Key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var verification = await store.VerifyAsync(presented.Key, Context.RequestAborted);
        return verification.Status switch
        {
            ApiKeyStatus.Valid => AuthenticateResult.Success(
                new AuthenticationTicket(ApiKeyClaims.ToPrincipal(verification.Key!), ApiKeyDefaults.AuthenticationScheme)),
            ApiKeyStatus.Revoked => AuthenticateResult.Fail($"The API key {verification.Key!.Id} was revoked."),
            _ => AuthenticateResult.Fail("The API key is not valid."),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // RFC 6750: a request without credentials gets a bare challenge; a bad credential gets invalid_token.
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", result.Failure?.Message ?? MissingKey);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "The API key does not allow this request.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
