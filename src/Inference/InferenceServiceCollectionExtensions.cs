using ChatCouncil.Inference.Adapters;
using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Inference;

public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the model registry and the <see cref="IChatClient"/> and
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that route to its default models.
    /// </summary>
    public static IHostApplicationBuilder AddInference(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<InferenceOptions>()
            .BindConfiguration(InferenceOptions.SectionName)
            .Validate(o => o.Models.Values.All(m => m.Roles.Count > 0), "Every model under Inference:Models needs at least one role (chat, embedding).")
            .Validate(o => o.DefaultModels.Values.All(id => o.Models.Count == 0 || o.Models.ContainsKey(id)), "Inference:DefaultModels names a model that is not configured under Inference:Models.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ModelFactory>();
        builder.Services.AddSingleton(sp => new ModelRegistry(
            sp.GetRequiredService<IOptions<InferenceOptions>>(), sp.GetRequiredService<ModelFactory>(), sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<IChatClient, ModelRoutingChatClient>();
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, ModelRoutingEmbeddingGenerator>();
        builder.Services.AddHostedService<ModelStartupService>();
        return builder;
    }
}
