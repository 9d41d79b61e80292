namespace ChatCouncil.Memory.Ask;

/// <summary>
/// The model's answer and the sources it was given, each marked with whether the answer cites it by number. With no
/// sources found the model is not asked and <see cref="Text"/> says so.
/// </summary>
public sealed record MemoryAnswer(string Text, IReadOnlyList<MemoryCitation> Sources, string? ModelId)
{
    /// <summary>The sources the answer cites, in number order.</summary>
    public IReadOnlyList<MemoryCitation> Citations => [.. Sources.Where(s => s.Cited)];
}
