using System.Buffers;

namespace ChatCouncil.BotHost.Logging;

public static class RequestIds
{
    public const string HeaderName = "X-Request-Id";

    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    /// <summary>
    /// An incoming id is kept only when it is short and plain (letters, digits, <c>- _ . :</c>), so it cannot
    /// forge log lines or response headers.
    /// </summary>
    public static bool IsWellFormed(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);

    public static string NewId() => Guid.NewGuid().ToString("N");
}
