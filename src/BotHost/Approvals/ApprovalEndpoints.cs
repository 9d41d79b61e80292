using ChatCouncil.BotHost.Auth;
using ChatCouncil.Connectors.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// Operator routes (admin): <c>POST /approvals</c> asks a conversation for a decision (posted with buttons),
/// <c>GET /approvals/{id}</c> shows one request and its decision, <c>GET /approvals?status=pending</c> lists them.
/// </summary>
public static class ApprovalEndpoints
{
    public const int MaxList = 500;

    public static RouteGroupBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/approvals").WithTags("Approvals").RequireScope(Scopes.Admin);
        group.MapPost("", CreateAsync).WithName("CreateApproval")
            .WithSummary("Asks a Slack, Discord or GitHub conversation to approve or reject; posts the request with buttons (GitHub: commands).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetApproval").WithSummary("One approval request with its status and decision.");
        group.MapGet("", ListAsync).WithName("ListApprovals")
            .WithSummary("Approval requests, newest first; status = pending | approved | rejected | expired (limit 1-500, default 100).");
        return group;
    }

    private static async Task<Results<Created<ApprovalResponse>, Ok<ApprovalResponse>, ProblemHttpResult>> CreateAsync(
        CreateApprovalRequest body, ApprovalService approvals, IApprovalStore store, CancellationToken cancellationToken)
    {
        if (Parse(body, out var approval) is { } invalid)
        {
            return BadRequest(invalid);
        }

        if (!approvals.CanPostTo(approval.Conversation.Platform))
        {
            return TypedResults.Problem($"{approval.Conversation.Platform} is not enabled (Connectors:{approval.Conversation.Platform}:Enabled).",
                statusCode: StatusCodes.Status404NotFound, title: "Platform not enabled");
        }

        try
        {
            var existed = approval.RequestKey is { } key && await store.FindByRequestKeyAsync(key, cancellationToken) is not null;
            var created = ApprovalResponse.From(await approvals.RequestAsync(approval, cancellationToken));
            return existed ? TypedResults.Ok(created) : TypedResults.Created($"/approvals/{created.Id}", created);
        }
        catch (ArgumentException e)
        {
            return BadRequest(e.Message);
        }
        catch (ApprovalConflictException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Request key in use");
        }
        catch (ChatPlatformException e)
        {
            var then = approval.RequestKey is null
                ? "Without a requestKey the request is withdrawn; ask again (a requestKey makes such retries safe)."
                : "The request is stored unposted; asking again with the same requestKey posts it.";
            return TypedResults.Problem($"{e.Platform} refused the post: {e.Message} {then}",
                statusCode: StatusCodes.Status502BadGateway, title: "Platform refused the post");
        }
    }

    private static async Task<Results<Ok<ApprovalResponse>, ProblemHttpResult>> GetAsync(Guid id, IApprovalStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } request
            ? TypedResults.Ok(ApprovalResponse.From(request))
            : TypedResults.Problem($"No approval request has id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown approval");

    private static async Task<Results<Ok<IReadOnlyList<ApprovalResponse>>, ProblemHttpResult>> ListAsync(
        IApprovalStore store, CancellationToken cancellationToken, string? status = null, int limit = 100)
    {
        ApprovalStatus? filter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<ApprovalStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
            {
                return BadRequest($"status must be one of {string.Join(", ", Enum.GetNames<ApprovalStatus>().Select(n => n.ToLowerInvariant()))}.");
            }

            filter = parsed;
        }

        if (limit is < 1 or > MaxList)
        {
            return BadRequest($"limit must be between 1 and {MaxList}.");
        }

        var requests = await store.ListAsync(filter, limit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApprovalResponse>>([.. requests.Select(ApprovalResponse.From)]);
    }

    private static string? Parse(CreateApprovalRequest body, out NewApproval approval)
    {
        approval = null!;
        if (!Enum.TryParse<ChatPlatform>(body.Platform, ignoreCase: true, out var platform) || int.TryParse(body.Platform, out _))
        {
            return "platform must be slack, discord or github.";
        }

        if (string.IsNullOrWhiteSpace(body.Workspace) || string.IsNullOrWhiteSpace(body.Channel))
        {
            return "workspace and channel are required.";
        }

        var thread = body.Thread ?? platform switch
        {
            ChatPlatform.Discord => body.Channel,
            ChatPlatform.Slack => "",
            _ => null,
        };
        if (thread is null)
        {
            return "thread (the issue or pull request number) is required on GitHub.";
        }

        if (new[] { body.Workspace, body.Channel, thread }.Any(part => part.Length > ApprovalService.MaxNameLength))
        {
            return $"workspace, channel and thread have at most {ApprovalService.MaxNameLength} characters each.";
        }

        if (body.ExpiresInSeconds is <= 0)
        {
            return "expiresInSeconds must be positive.";
        }

        approval = new NewApproval(
            new ConversationKey(platform, body.Workspace.Trim(), body.Channel.Trim(), thread.Trim()),
            body.Summary ?? "",
            body.RequestedBy ?? "",
            body.ExpiresInSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            RequestKey: body.RequestKey);
        return null;
    }

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid approval request");
}
