namespace ChatCouncil.TestSupport.Fakes;

/// <summary>An installation token the fake GitHub minted, and the JWT claims it was minted for.</summary>
public sealed record GitHubMintedToken(string InstallationId, string Token, DateTimeOffset ExpiresAt, long IssuedAt, long Expires, string Issuer);
