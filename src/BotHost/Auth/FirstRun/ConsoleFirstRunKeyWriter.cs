using ChatCouncil.BotHost.Auth.Keys;

namespace ChatCouncil.BotHost.Auth.FirstRun;

/// <summary>Writes the key to standard output (or any writer), in one write so log lines cannot cut through it.</summary>
internal sealed class ConsoleFirstRunKeyWriter(TextWriter output) : IFirstRunKeyWriter
{
    public ConsoleFirstRunKeyWriter()
        : this(Console.Out)
    {
    }

    public void Write(CreatedApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        output.Write(Format(key));
        output.Flush();
    }

    internal static string Format(CreatedApiKey key) => $"""

        ================================================================================
        ChatCouncil first start: no API key existed, so an admin key was generated.
        It is shown only this once. Keep it somewhere safe:

            {key.Key}

        The web chat page at / asks for this key. Manage keys with:
            dotnet ChatCouncil.BotHost.dll keys --help
        ================================================================================


        """;
}
