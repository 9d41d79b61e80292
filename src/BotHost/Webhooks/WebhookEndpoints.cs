using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Slack;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Webhooks;

/// <summary>
/// Inbound platform webhooks. Public routes (the platforms' signatures are the authentication): each reads the raw
/// body once (413 over the limit), verifies it (401), parses it (400 when malformed), stores the turn in the
/// durable inbox and only then answers, within the platforms' 3-second limits. Unknown event types get 200 and a
/// log line, so the platform does not retry them.
/// </summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Short-circuited: the platforms' signatures are the only authentication, so routing runs them at once,
        // without the static-file, WebSocket and API-key middleware that every webhook would otherwise pass through.
        var group = app.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous().DisableAntiforgery();
        group.ShortCircuit();
        group.MapPost("/slack/events", SlackEventsAsync).WithName("SlackEvents").WithSummary("Slack Events API (signed v0).");
        group.MapPost("/slack/interactions", SlackInteractionsAsync).WithName("SlackInteractions").WithSummary("Slack interactivity: button clicks.");
        group.MapPost("/slack/commands", SlackCommandsAsync).WithName("SlackCommands").WithSummary("Slack slash commands.");
        group.MapPost("/discord/interactions", DiscordInteractionsAsync).WithName("DiscordInteractions").WithSummary("Discord interactions (Ed25519).");
        group.MapPost("/github", GitHubAsync).WithName("GitHubWebhook").WithSummary("GitHub webhooks (X-Hub-Signature-256).");
        return group;
    }

    private static Task<Results<Ok, ContentHttpResult, ProblemHttpResult>> SlackEventsAsync(
        HttpContext http, IOptions<WebhookOptions> options, TimeProvider time, InboxIntake intake, ILoggerFactory loggers) =>
        SlackAsync(http, options.Value, time, intake, loggers, body => SlackEventParser.Parse(body, options.Value.Slack.BotUserId));

    private static Task<Results<Ok, ContentHttpResult, ProblemHttpResult>> SlackInteractionsAsync(
        HttpContext http, IOptions<WebhookOptions> options, TimeProvider time, InboxIntake intake, ILoggerFactory loggers) =>
        SlackAsync(http, options.Value, time, intake, loggers, body => SlackInteractionParser.Parse(body));

    private static Task<Results<Ok, ContentHttpResult, ProblemHttpResult>> SlackCommandsAsync(
        HttpContext http, IOptions<WebhookOptions> options, TimeProvider time, InboxIntake intake, ILoggerFactory loggers) =>
        SlackAsync(http, options.Value, time, intake, loggers, body => SlackCommandParser.Parse(body, time.GetUtcNow()));

    private static async Task<Results<Ok, ContentHttpResult, ProblemHttpResult>> SlackAsync(
        HttpContext http, WebhookOptions options, TimeProvider time, InboxIntake intake, ILoggerFactory loggers, Parse parse)
    {
        var logger = Logger(loggers);
        if (!options.Slack.Enabled)
        {
            return NotEnabled(ChatPlatform.Slack);
        }

        var body = await WebhookBody.ReadAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return TooLarge(logger, ChatPlatform.Slack, options.MaxBodyBytes);
        }

        var headers = http.Request.Headers;
        var verification = SlackSignatureVerifier.Verify(options.Slack.SigningSecret!,
            headers[SlackSignatureVerifier.TimestampHeader], headers[SlackSignatureVerifier.SignatureHeader], body, time);
        if (verification != SignatureVerification.Valid)
        {
            return Unauthorized(logger, ChatPlatform.Slack, verification);
        }

        var parsed = parse(body);
        if (parsed.Outcome == InboundOutcome.UrlVerification)
        {
            return TypedResults.Text(parsed.Detail, "text/plain");
        }

        if (parsed.Turn is not null && headers["X-Slack-Retry-Num"] is [{ } retry])
        {
            Log.SlackRetry(logger, retry, headers["X-Slack-Retry-Reason"], parsed.Turn.EventId);
        }

        return await AcceptAsync(parsed, ChatPlatform.Slack, intake, logger, http.RequestAborted) is { } problem
            ? problem
            : TypedResults.Ok();
    }

    private static async Task<Results<Ok<DiscordInteractionResponse>, ProblemHttpResult>> DiscordInteractionsAsync(
        HttpContext http, IOptions<WebhookOptions> options, TimeProvider time, InboxIntake intake, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        var settings = options.Value;
        if (!settings.Discord.Enabled)
        {
            return NotEnabled(ChatPlatform.Discord);
        }

        var body = await WebhookBody.ReadAsync(http.Request, settings.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return TooLarge(logger, ChatPlatform.Discord, settings.MaxBodyBytes);
        }

        var headers = http.Request.Headers;
        var verification = DiscordSignatureVerifier.Verify(settings.Discord.ParsedPublicKey,
            headers[DiscordSignatureVerifier.TimestampHeader], headers[DiscordSignatureVerifier.SignatureHeader], body, time);
        if (verification != SignatureVerification.Valid)
        {
            // Discord probes the endpoint with bad signatures and expects exactly this 401.
            return Unauthorized(logger, ChatPlatform.Discord, verification);
        }

        var parsed = DiscordInteractionParser.Parse(body);
        if (parsed.Outcome == InboundOutcome.Ping)
        {
            return TypedResults.Ok(DiscordInteractionResponse.Pong);
        }

        if (await AcceptAsync(parsed, ChatPlatform.Discord, intake, logger, http.RequestAborted) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(parsed.Turn?.Kind == TurnKind.ButtonClick
            ? DiscordInteractionResponse.DeferredUpdate
            : DiscordInteractionResponse.DeferredMessage);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> GitHubAsync(
        HttpContext http, IOptions<WebhookOptions> options, InboxIntake intake, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        var settings = options.Value;
        if (!settings.GitHub.Enabled)
        {
            return NotEnabled(ChatPlatform.GitHub);
        }

        var body = await WebhookBody.ReadAsync(http.Request, settings.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return TooLarge(logger, ChatPlatform.GitHub, settings.MaxBodyBytes);
        }

        var headers = http.Request.Headers;
        var verification = GitHubSignatureVerifier.Verify(settings.GitHub.Secret!, headers[GitHubSignatureVerifier.SignatureHeader], body);
        if (verification != SignatureVerification.Valid)
        {
            return Unauthorized(logger, ChatPlatform.GitHub, verification);
        }

        var parsed = GitHubWebhookParser.Parse(
            headers[GitHubWebhookParser.EventHeader], headers[GitHubWebhookParser.DeliveryHeader], body, settings.GitHub.BotLogin);
        return await AcceptAsync(parsed, ChatPlatform.GitHub, intake, logger, http.RequestAborted) is { } problem
            ? problem
            : TypedResults.Ok();
    }

    /// <returns>A problem to answer with, or null when the request was acknowledged (stored, duplicate, ignored or a ping).</returns>
    private static async Task<ProblemHttpResult?> AcceptAsync(
        InboundEvent parsed, ChatPlatform platform, InboxIntake intake, ILogger logger, CancellationToken cancellationToken)
    {
        switch (parsed.Outcome)
        {
            case InboundOutcome.Malformed:
                Log.Malformed(logger, platform, parsed.Detail ?? "malformed");
                return TypedResults.Problem(parsed.Detail, statusCode: StatusCodes.Status400BadRequest, title: $"Malformed {platform} request");
            case InboundOutcome.Turn:
                await intake.AcceptAsync(parsed.Turn!, cancellationToken);
                return null;
            case InboundOutcome.Ignored:
                Log.Ignored(logger, platform, parsed.Detail ?? "not handled");
                return null;
            default:
                return null;
        }
    }

    private static ProblemHttpResult Unauthorized(ILogger logger, ChatPlatform platform, SignatureVerification verification)
    {
        Log.SignatureRefused(logger, platform, verification);
        return TypedResults.Problem($"The {platform} request signature is {verification.ToString().ToLowerInvariant()}.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature");
    }

    private static ProblemHttpResult TooLarge(ILogger logger, ChatPlatform platform, int maxBytes)
    {
        Log.TooLarge(logger, platform, maxBytes);
        return TypedResults.Problem($"The body is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
    }

    private static ProblemHttpResult NotEnabled(ChatPlatform platform) =>
        TypedResults.Problem($"The {platform} webhook is not enabled (Webhooks:{platform}:Enabled).", statusCode: StatusCodes.Status404NotFound);

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(WebhookEndpoints).FullName!);

    private delegate InboundEvent Parse(byte[] body);
}
