namespace ChatCouncil.BotHost.Commands;

/// <summary>
/// A command turn's text split into its sub-command and the rest: Slack sends what followed <c>/council</c>, Discord's
/// parser gives the sub-command's name then its option values, so both read "ask what changed?". Pure.
/// </summary>
internal readonly record struct CouncilInvocation(string SubCommand, string Argument)
{
    public static CouncilInvocation Parse(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.AsSpan().IndexOfAny([' ', '\t', '\n', '\r']);
        return space < 0
            ? new CouncilInvocation(trimmed.ToLowerInvariant(), "")
            : new CouncilInvocation(trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }
}
