namespace ChatCouncil.Connectors.GitHub;

/// <summary>The reply-context keys the GitHub parser writes and the GitHub client reads.</summary>
public static class GitHubReplyContext
{
    public const string Owner = "owner";

    public const string Repo = "repo";

    /// <summary>The issue or pull request number.</summary>
    public const string Number = "number";

    public const string CommentId = "comment_id";

    /// <summary>"issue" (issue or PR conversation comment) or "review" (pull request review comment).</summary>
    public const string CommentKind = "comment_kind";

    public const string InstallationId = "installation_id";
}
