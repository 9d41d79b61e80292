using ChatCouncil.Memory.Ask;

namespace ChatCouncil.BotHost.Memory;

/// <summary>The answer, the sources it cites (<see cref="Citations"/>) and every source the model was given (<see cref="Sources"/>).</summary>
public sealed record AskResponse(string Answer, string? Model, IReadOnlyList<MemoryCitation> Citations, IReadOnlyList<MemoryCitation> Sources)
{
    public static AskResponse From(MemoryAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(answer.Text, answer.ModelId, answer.Citations, answer.Sources);
    }
}
