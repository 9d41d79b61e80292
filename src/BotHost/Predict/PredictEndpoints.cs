using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Chat;
using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatCouncil.BotHost.Predict;

public static class PredictEndpoints
{
    public static RouteGroupBuilder MapPredictEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/predict").WithTags("Chat").RequireScope(Scopes.Chat);
        group.MapPost("", PredictAsync)
            .WithSummary("One completion; with \"stream\": true the answer arrives as server-sent events (token…, done)")
            .Produces<PredictResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<Results<Ok<PredictResponse>, EmptyHttpResult, ProblemHttpResult>> PredictAsync(
        PredictRequest request, HttpContext http, ChatTurnService turns, IChatHistoryStore history, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            return TypedResults.Problem("prompt is required.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }

        if (request.Prompt.Length > PredictRequest.MaxPromptLength)
        {
            return TypedResults.Problem($"prompt is longer than {PredictRequest.MaxPromptLength} characters.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Prompt too large");
        }

        var parameters = request.Parameters ?? new GenerationParameters();
        if (parameters.Validate() is { } invalid)
        {
            return TypedResults.Problem(invalid, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }

        Guid conversationId;
        if (request.ConversationId is { } existing)
        {
            if (await history.GetConversationAsync(existing, cancellationToken) is null)
            {
                return TypedResults.Problem($"No conversation {existing}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation");
            }

            conversationId = existing;
        }
        else
        {
            conversationId = (await history.CreateConversationAsync(Title(request.Prompt), "rest", cancellationToken)).Id;
        }

        var events = turns.RunAsync(conversationId, request.Prompt, parameters, request.Model, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            bool hasFirst;
            try
            {
                hasFirst = await events.MoveNextAsync();
            }
            catch (Exception ex) when (InferenceProblems.TryMap(ex, out _, out _))
            {
                return InferenceProblems.ToResult(ex);
            }

            if (!request.Stream)
            {
                for (var more = hasFirst; more; more = await events.MoveNextAsync())
                {
                    if (events.Current is ChatTurnCompleted done)
                    {
                        return TypedResults.Ok(ToResponse(done));
                    }
                }

                throw new InvalidOperationException("The chat turn ended without a completion.");
            }

            await ServerSentEvents.StartAsync(http.Response);
            try
            {
                for (var more = hasFirst; more; more = await events.MoveNextAsync())
                {
                    switch (events.Current)
                    {
                        case ChatTurnToken token:
                            await ServerSentEvents.WriteAsync(http.Response, "token", new { text = token.Text }, cancellationToken);
                            break;
                        case ChatTurnCompleted done:
                            await ServerSentEvents.WriteAsync(http.Response, "done", ToResponse(done), cancellationToken);
                            break;
                    }
                }
            }
            catch (InvalidOperationException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Headers are gone; the failure can only travel as an event.
                await ServerSentEvents.WriteAsync(http.Response, "error", new { status = 500, message = ex.Message }, CancellationToken.None);
            }

            return TypedResults.Empty;
        }
        finally
        {
            await events.DisposeAsync();
        }
    }

    private static PredictResponse ToResponse(ChatTurnCompleted done) => new(
        done.ConversationId, done.ModelId, done.Text, done.FinishReason,
        new PredictUsage(done.PromptTokens, done.CompletionTokens, done.CachedPromptTokens), done.LatencyMs);

    private static string Title(string prompt) => prompt.Length <= 60 ? prompt : prompt[..57] + "...";
}
