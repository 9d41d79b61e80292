using ChatCouncil.Inference.Registry;

namespace ChatCouncil.BotHost.Models;

/// <summary>GET /models: the default model per role and every configured model.</summary>
public sealed record ModelList(IReadOnlyDictionary<string, string> Defaults, IReadOnlyList<ModelStatus> Models);
