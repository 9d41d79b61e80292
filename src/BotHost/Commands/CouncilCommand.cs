using System.Text;
using System.Text.Json.Nodes;

namespace ChatCouncil.BotHost.Commands;

/// <summary>
/// The one slash command, <c>/council &lt;sub-command&gt; …</c>, the same on Slack and Discord: its sub-commands drive
/// both the help text and the Discord registration, so the two cannot drift apart.
/// </summary>
internal static class CouncilCommand
{
    public const string Name = "council";

    public static readonly CouncilSubCommand Ask = new("ask", "Ask the model a question in this channel.", "question", "What to ask.");

    public static readonly CouncilSubCommand Status = new("status", "Version, uptime, models, inbox backlog and platforms.");

    public static readonly CouncilSubCommand Help = new("help", "How to use /council.");

    public static IReadOnlyList<CouncilSubCommand> SubCommands { get; } = [Ask, Status, Help];

    public static string HelpText()
    {
        var text = new StringBuilder($"Usage: `/{Name} <sub-command>`\n");
        foreach (var sub in SubCommands)
        {
            text.Append($"\n• `{sub.Usage}`: {sub.Description}");
        }

        return text.ToString();
    }

    /// <summary>
    /// The application commands to register (Discord's CHAT_INPUT command with SUB_COMMAND options, a STRING option
    /// for the argument), as the body of a bulk overwrite.
    /// </summary>
    public static JsonArray DiscordDefinition()
    {
        var options = new JsonArray();
        foreach (var sub in SubCommands)
        {
            var option = new JsonObject { ["type"] = 1, ["name"] = sub.Name, ["description"] = sub.Description };
            if (sub.Argument is not null)
            {
                option["options"] = new JsonArray(new JsonObject
                {
                    ["type"] = 3,
                    ["name"] = sub.Argument,
                    ["description"] = sub.ArgumentDescription,
                    ["required"] = true,
                });
            }

            options.Add(option);
        }

        return [new JsonObject { ["type"] = 1, ["name"] = Name, ["description"] = "Ask ChatCouncil, or see its status.", ["options"] = options }];
    }
}
