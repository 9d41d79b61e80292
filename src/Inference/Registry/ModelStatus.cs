namespace ChatCouncil.Inference.Registry;

/// <summary>A configured model as the registry sees it now.</summary>
public sealed record ModelStatus(
    string Id,
    string Provider,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> DefaultFor,
    ModelState State,
    string? Path,
    string? Backend,
    ModelFacts? Facts,
    int InFlight,
    string? Error);
