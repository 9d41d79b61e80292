using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Commands;

/// <summary>
/// Answers slash commands (<see cref="CouncilCommand"/>): help and status itself, <c>ask</c> by handing the question to
/// the chat model as the turn's text. A bare command is help; an unknown sub-command or a question left out gets a
/// usage error, never a model call. Asked before the chat model. Thread-safe.
/// </summary>
internal sealed class CommandTurnHandler(ChatModelTurnHandler chat, CouncilStatus status, ILogger<CommandTurnHandler> logger) : ITurnHandler
{
    public bool Takes(ConversationTurn turn) => turn?.Kind == TurnKind.SlashCommand;

    public async Task<string> AnswerAsync(ClaimedTurn claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var invocation = CouncilInvocation.Parse(claimed.Turn.Text);
        Log.Command(logger, claimed.Turn.Key.Platform, invocation.SubCommand.Length == 0 ? CouncilCommand.Help.Name : invocation.SubCommand);
        switch (invocation.SubCommand)
        {
            case "" or "help":
                return CouncilCommand.HelpText();
            case "status":
                return await status.DescribeAsync(cancellationToken);
            case "ask" when invocation.Argument.Length == 0:
                return $"`{CouncilCommand.Ask.Usage}` needs a question, e.g. `/{CouncilCommand.Name} ask what changed in the last release?`";
            case "ask":
                var question = claimed.Turn with { Text = invocation.Argument };
                return await chat.AnswerAsync(claimed with { Event = claimed.Event with { Turn = question } }, cancellationToken);
            default:
                return $"`/{CouncilCommand.Name}` has no sub-command `{Shorten(invocation.SubCommand)}`.\n\n{CouncilCommand.HelpText()}";
        }
    }

    // The user typed it: echo only a short, inert part of it (no markup, no mentions).
    private static string Shorten(string word) =>
        new([.. word.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').Take(32)]);
}
