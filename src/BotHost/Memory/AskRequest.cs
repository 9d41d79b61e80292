namespace ChatCouncil.BotHost.Memory;

/// <summary>
/// A question to answer from memory. <c>Filter</c> uses the search filter syntax (<c>platform=slack,after=…</c>);
/// <c>Sources</c> is how many chunks the model is given; <c>Model</c> picks a chat model (default: the chat default).
/// </summary>
public sealed record AskRequest(string? Question, string? Filter = null, int? Sources = null, double? MinRelevance = null, string? Model = null);
