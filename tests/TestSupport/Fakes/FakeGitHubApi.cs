using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>
/// GitHub's REST API (optionally under an Enterprise path base such as /api/v3): issue comments (create, edit, list with
/// <c>since</c> on updated_at and <c>per_page</c>, oldest first as GitHub lists them), reactions,
/// collaborator permission, and GitHub App installation tokens minted only for an RS256 JWT that verifies with the
/// app's public key and carries GitHub's claim rules (iss = app id, iat in the past, exp at most 10 minutes ahead).
/// Tokens expire by the given clock. Rate limits come as 403 with Retry-After (a secondary limit). The App's webhook
/// deliveries are listed (GET /app/hook/deliveries, Link cursor pages) and can be attempted again (POST …/attempts).
/// </summary>
public sealed class FakeGitHubApi : FakePlatformServer
{
    public const string PersonalToken = "ghp_fakePersonalAccessToken0123456789";

    public const string AppId = "424242";

    private readonly ConcurrentDictionary<string, DateTimeOffset> _validTokens = new(StringComparer.Ordinal);
    private readonly RSA? _appKey;
    private readonly TimeProvider _time;
    private readonly Lock _deliveriesLock = new();
    private long _nextId = 2_000_000_000;

    private FakeGitHubApi(RSA? appKey, TimeProvider time)
    {
        _appKey = appKey;
        _time = time;
        _validTokens[PersonalToken] = DateTimeOffset.MaxValue;
    }

    public ConcurrentQueue<GitHubPostedComment> Comments { get; } = new();

    /// <summary>Successful comment edits, in order (the comment as it read after each).</summary>
    public ConcurrentQueue<GitHubPostedComment> Edits { get; } = new();

    /// <summary>Each comment by id as it reads now, with when it was last written.</summary>
    public ConcurrentDictionary<long, (GitHubPostedComment Comment, DateTimeOffset UpdatedAt)> Current { get; } = new();

    /// <summary>Reactions added: "target/content", target being "issues/comments/ID", "pulls/comments/ID" or "issues/N".</summary>
    public ConcurrentQueue<string> Reactions { get; } = new();

    public ConcurrentQueue<GitHubMintedToken> MintedTokens { get; } = new();

    /// <summary>Repository permission by user login; unknown users have "none".</summary>
    public ConcurrentDictionary<string, string> Permissions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The App's webhook deliveries, listed newest (highest id) first.</summary>
    public ConcurrentQueue<GitHubHookDelivery> Deliveries { get; } = new();

    public int DeliveriesPageSize { get; set; } = 100;

    /// <summary>What the bot's webhook endpoint answers a redelivery with, as listed afterwards; 200 unless a test says otherwise.</summary>
    public int RedeliveryStatusCode { get; set; } = 200;

    /// <summary>Delivery ids redelivery was requested for.</summary>
    public ConcurrentQueue<long> RedeliveryRequests { get; } = new();

    public static async Task<FakeGitHubApi> StartAsync(string pathBase = "", RSA? appKey = null, TimeProvider? time = null)
    {
        var server = new FakeGitHubApi(appKey, time ?? TimeProvider.System);
        await server.StartCoreAsync(pathBase);
        return server;
    }

    /// <summary>Makes GitHub refuse a token from now on (401 Bad credentials), as after an app reinstall.</summary>
    public void Revoke(string token) => _validTokens.TryRemove(token, out _);

    public override void RateLimitNext(int count, TimeSpan retryAfter) =>
        ScriptNext(count, http =>
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return http.Response.WriteAsJsonAsync(new { message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." });
        });

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/app/installations/{installationId}/access_tokens", MintAsync);
        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", CommentAsync);
        routes.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", ListCommentsAsync);
        routes.MapMethods("/repos/{owner}/{repo}/issues/comments/{id:long}", ["PATCH"], EditCommentAsync);
        routes.MapGet("/app/hook/deliveries", ListDeliveriesAsync);
        routes.MapPost("/app/hook/deliveries/{id:long}/attempts", RedeliverAsync);
        routes.MapPost("/repos/{owner}/{repo}/issues/comments/{id:long}/reactions", (HttpContext http, long id) => ReactAsync(http, $"issues/comments/{id}"));
        routes.MapPost("/repos/{owner}/{repo}/pulls/comments/{id:long}/reactions", (HttpContext http, long id) => ReactAsync(http, $"pulls/comments/{id}"));
        routes.MapPost("/repos/{owner}/{repo}/issues/{number:int}/reactions", (HttpContext http, int number) => ReactAsync(http, $"issues/{number}"));
        routes.MapGet("/repos/{owner}/{repo}/collaborators/{user}/permission", (HttpContext http, string user) =>
            Authorized(http) is null
                ? Error(http, 401, "Bad credentials")
                : http.Response.WriteAsJsonAsync(new { permission = Permissions.GetValueOrDefault(user, "none"), user = new { login = user } }));
    }

    private (long Iat, long Exp, string Iss)? AppJwt(HttpContext http)
    {
        var jwt = http.Request.Headers.Authorization.ToString() is var auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : "";
        return _appKey is null ? null : Verify(jwt);
    }

    private async Task ListDeliveriesAsync(HttpContext http)
    {
        if (AppJwt(http) is null)
        {
            await Error(http, 401, "A JSON web token could not be decoded");
            return;
        }

        var offset = int.TryParse(http.Request.Query["cursor"], CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
        var all = Deliveries.OrderByDescending(d => d.Id).ToList();
        var page = all.Skip(offset).Take(DeliveriesPageSize).ToList();
        if (offset + page.Count < all.Count)
        {
            http.Response.Headers.Link = $"<{BaseUrl}app/hook/deliveries?per_page={DeliveriesPageSize}&cursor={offset + page.Count}>; rel=\"next\"";
        }

        await http.Response.WriteAsJsonAsync(page.Select(d => new
        {
            id = d.Id,
            guid = d.DeliveryGuid,
            delivered_at = d.DeliveredAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            redelivery = d.Redelivery,
            duration = 0.1,
            status = d.StatusCode is >= 200 and < 300 ? "OK" : "Invalid HTTP Response: " + d.StatusCode,
            status_code = d.StatusCode,
            @event = "issue_comment",
            action = "created",
        }));
    }

    /// <summary>
    /// Accepted (202) for a listed delivery, 404 otherwise; the new attempt is listed at once, as GitHub lists it once
    /// made: the same GUID, <c>redelivery: true</c>, answered with <see cref="RedeliveryStatusCode"/>.
    /// </summary>
    private async Task RedeliverAsync(HttpContext http, long id)
    {
        if (AppJwt(http) is null)
        {
            await Error(http, 401, "A JSON web token could not be decoded");
            return;
        }

        if (!TryRedeliver(id))
        {
            await Error(http, 404, "Not Found");
            return;
        }

        http.Response.StatusCode = 202;
        await http.Response.WriteAsJsonAsync(new { });
    }

    private bool TryRedeliver(long id)
    {
        lock (_deliveriesLock)
        {
            if (Deliveries.FirstOrDefault(d => d.Id == id) is not { } original)
            {
                return false;
            }

            RedeliveryRequests.Enqueue(id);
            Deliveries.Enqueue(new GitHubHookDelivery(Deliveries.Max(d => d.Id) + 1, original.DeliveryGuid, _time.GetUtcNow(), RedeliveryStatusCode, Redelivery: true));
            return true;
        }
    }

    private async Task MintAsync(HttpContext http, string installationId)
    {
        if (AppJwt(http) is not { } claims)
        {
            await Error(http, 401, "A JSON web token could not be decoded");
            return;
        }

        var token = "ghs_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var expiresAt = _time.GetUtcNow() + TokenLifetime;
        _validTokens[token] = expiresAt;
        MintedTokens.Enqueue(new GitHubMintedToken(installationId, token, expiresAt, claims.Iat, claims.Exp, claims.Iss));
        http.Response.StatusCode = 201;
        await http.Response.WriteAsJsonAsync(new { token, expires_at = expiresAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), permissions = new { issues = "write" } });
    }

    private (long Iat, long Exp, string Iss)? Verify(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var signed = _appKey!.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var root = payload.RootElement;
            var now = _time.GetUtcNow().ToUnixTimeSeconds();
            var iat = root.GetProperty("iat").GetInt64();
            var exp = root.GetProperty("exp").GetInt64();
            var iss = root.GetProperty("iss").ValueKind == JsonValueKind.Number ? root.GetProperty("iss").GetRawText() : root.GetProperty("iss").GetString()!;
            var valid = signed && header.RootElement.GetProperty("alg").GetString() == "RS256" && iss == AppId && iat <= now && exp > now && exp <= now + 600;
            return valid ? (iat, exp, iss) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private async Task CommentAsync(HttpContext http, string owner, string repo, int number)
    {
        if (Authorized(http) is not { } token)
        {
            await Error(http, 401, "Bad credentials");
            return;
        }

        var body = (await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body)).GetProperty("body").GetString() ?? "";
        if (body.Length > 65536)
        {
            await Error(http, 422, "Validation Failed");
            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        var comment = new GitHubPostedComment(owner, repo, number, id, body, token);
        Comments.Enqueue(comment);
        Current[id] = (comment, _time.GetUtcNow());
        http.Response.StatusCode = 201;
        await http.Response.WriteAsJsonAsync(new { id, body, html_url = $"https://github.example/{owner}/{repo}/issues/{number}#issuecomment-{id}" });
    }

    private async Task EditCommentAsync(HttpContext http, string owner, string repo, long id)
    {
        if (Authorized(http) is not { } token)
        {
            await Error(http, 401, "Bad credentials");
            return;
        }

        var body = (await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body)).GetProperty("body").GetString() ?? "";
        if (!Current.TryGetValue(id, out var old) || old.Comment.Owner != owner || old.Comment.Repo != repo)
        {
            await Error(http, 404, "Not Found");
            return;
        }

        if (body.Length > 65536)
        {
            await Error(http, 422, "Validation Failed");
            return;
        }

        var edited = old.Comment with { Body = body, Token = token };
        Current[id] = (edited, _time.GetUtcNow());
        Edits.Enqueue(edited);
        await http.Response.WriteAsJsonAsync(new { id, body, html_url = $"https://github.example/{owner}/{repo}/issues/{old.Comment.Number}#issuecomment-{id}" });
    }

    private async Task ListCommentsAsync(HttpContext http, string owner, string repo, int number)
    {
        if (Authorized(http) is null)
        {
            await Error(http, 401, "Bad credentials");
            return;
        }

        var since = DateTimeOffset.TryParse(http.Request.Query["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s) ? s : DateTimeOffset.MinValue;
        var perPage = int.TryParse(http.Request.Query["per_page"], CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 100) : 30;
        var comments = Current.Values
            .Where(c => c.Comment.Owner == owner && c.Comment.Repo == repo && c.Comment.Number == number && c.UpdatedAt >= since)
            .OrderBy(c => c.Comment.Id)
            .Take(perPage)
            .Select(c => new
            {
                id = c.Comment.Id,
                body = c.Comment.Body,
                user = new { login = "chatcouncil[bot]", type = "Bot" },
                updated_at = c.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            });
        await http.Response.WriteAsJsonAsync(comments);
    }

    private async Task ReactAsync(HttpContext http, string target)
    {
        if (Authorized(http) is null)
        {
            await Error(http, 401, "Bad credentials");
            return;
        }

        var content = (await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body)).GetProperty("content").GetString();
        Reactions.Enqueue($"{target}/{content}");
        http.Response.StatusCode = 201;
        await http.Response.WriteAsJsonAsync(new { id = Interlocked.Increment(ref _nextId), content });
    }

    private string? Authorized(HttpContext http)
    {
        var auth = http.Request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..] : auth.StartsWith("token ", StringComparison.Ordinal) ? auth[6..] : null;
        return token is not null && _validTokens.TryGetValue(token, out var expiresAt) && expiresAt > _time.GetUtcNow() ? token : null;
    }

    private static Task Error(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { message, documentation_url = "https://docs.github.com/rest" });
    }
}
