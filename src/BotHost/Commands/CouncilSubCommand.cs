namespace ChatCouncil.BotHost.Commands;

/// <summary>One sub-command of <c>/council</c>, with the free-text argument it needs, if any.</summary>
internal sealed record CouncilSubCommand(string Name, string Description, string? Argument = null, string? ArgumentDescription = null)
{
    public string Usage => Argument is null ? $"/{CouncilCommand.Name} {Name}" : $"/{CouncilCommand.Name} {Name} <{Argument}>";
}
