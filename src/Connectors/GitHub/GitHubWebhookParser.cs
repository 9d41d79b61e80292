using System.Text.Json;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// Webhook deliveries to turns: <c>issue_comment</c> (on an issue, or on a pull request when the issue carries
/// <c>pull_request</c>) and <c>pull_request_review_comment</c>, both when <c>created</c>; <c>ping</c> is answered.
/// Comments by bots (<c>sender.type == "Bot"</c>, a <c>[bot]</c> login, or the configured bot login) are
/// ignored. The conversation is the repository's issue or pull request. Pure and thread-safe.
/// </summary>
public static class GitHubWebhookParser
{
    public const string EventHeader = "X-GitHub-Event";
    public const string DeliveryHeader = "X-GitHub-Delivery";

    public static InboundEvent Parse(string? eventName, string? deliveryId, ReadOnlySpan<byte> body, string? botLogin = null)
    {
        if (string.IsNullOrEmpty(eventName) || string.IsNullOrEmpty(deliveryId))
        {
            return InboundEvent.Malformed($"{EventHeader} and {DeliveryHeader} are required.");
        }

        return JsonBody.ParseObject(body, root => eventName switch
        {
            "ping" => InboundEvent.Ping,
            "issue_comment" => ParseComment(root, deliveryId, root.Object("issue"), botLogin, isReview: false),
            "pull_request_review_comment" => ParseComment(root, deliveryId, root.Object("pull_request"), botLogin, isReview: true),
            _ => InboundEvent.Ignored($"GitHub event '{eventName}' is not handled."),
        });
    }

    private static InboundEvent ParseComment(JsonElement root, string deliveryId, JsonElement? subject, string? botLogin, bool isReview)
    {
        if (root.String("action") is not "created")
        {
            return InboundEvent.Ignored($"Comment action '{root.String("action")}' is not a new comment.");
        }

        var comment = root.Object("comment");
        var repository = root.Object("repository");
        var owner = repository?.Object("owner").String("login");
        var repo = repository.String("name");
        var number = subject.String("number");
        var commentId = comment.String("id");
        var author = comment?.Object("user") ?? root.Object("sender");
        var login = author.String("login");
        if (owner is null || repo is null || number is null || commentId is null || login is null)
        {
            return InboundEvent.Malformed("A comment event needs repository owner and name, the issue or pull request number, comment id and author.");
        }

        var sender = root.Object("sender");
        if (author.String("type") == "Bot" || sender.String("type") == "Bot"
            || login.EndsWith("[bot]", StringComparison.Ordinal)
            || (botLogin is not null && string.Equals(login, botLogin, StringComparison.OrdinalIgnoreCase)))
        {
            return InboundEvent.Ignored("A bot's comment.");
        }

        var onPullRequest = isReview || subject?.Object("pull_request") is not null;
        var text = comment.String("body") ?? "";
        var context = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["owner"] = owner,
            ["repo"] = repo,
            ["number"] = number,
            ["comment_id"] = commentId,
            ["comment_kind"] = isReview ? "review" : "issue",
        };
        if (root.Object("installation").String("id") is { } installation)
        {
            context["installation_id"] = installation;
        }

        return InboundEvent.ForTurn(new ConversationTurn(
            deliveryId,
            $"{(isReview ? "review-comment" : "comment")}:{commentId}",
            new ConversationKey(ChatPlatform.GitHub, owner, repo, number),
            onPullRequest ? TurnKind.PullRequestComment : TurnKind.IssueComment,
            author.String("id") ?? login,
            login,
            text,
            TextEntities.GitHubMentions(text),
            TextEntities.PlainLinks(text),
            JsonFields.FromIso(comment.String("created_at")) ?? DateTimeOffset.UnixEpoch,
            context));
    }
}
