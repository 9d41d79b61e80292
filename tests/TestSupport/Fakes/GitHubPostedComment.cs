namespace ChatCouncil.TestSupport.Fakes;

/// <summary>A comment the fake GitHub accepted, with the token it was posted with.</summary>
public sealed record GitHubPostedComment(string Owner, string Repo, int Number, long Id, string Body, string Token);
