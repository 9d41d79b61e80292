using ChatCouncil.BotHost.Health;
using ChatCouncil.Inference;

namespace ChatCouncil.BotHost.Models;

public static class ModelsServiceCollectionExtensions
{
    /// <summary>The inference engine plus its readiness check.</summary>
    public static IHostApplicationBuilder AddModels(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddInference();
        builder.Services.AddHealthChecks().AddCheck<ModelHealthCheck>(ModelHealthCheck.Name, tags: [HealthTags.Ready]);
        return builder;
    }
}
