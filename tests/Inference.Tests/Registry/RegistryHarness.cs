using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Inference.Tests.Registry;

internal static class RegistryHarness
{
    public static ModelRegistry Create(LlamaFixture fixture, Dictionary<string, ModelOptions>? models = null, Dictionary<string, string>? defaults = null)
    {
        var options = Options(fixture, models, defaults);
        return new ModelRegistry(options, new ModelFactory(options, NullLoggerFactory.Instance), NullLoggerFactory.Instance);
    }

    public static IOptions<InferenceOptions> Options(LlamaFixture fixture, Dictionary<string, ModelOptions>? models = null, Dictionary<string, string>? defaults = null) =>
        Microsoft.Extensions.Options.Options.Create(new InferenceOptions
        {
            VulkanVisibleDevices = fixture.Options.VulkanVisibleDevices,
            ModelDirectory = fixture.ModelDirectory,
            Backend = InferenceBackend.Cpu,
            Models = models ?? [],
            DefaultModels = defaults ?? [],
        });

    public static ModelOptions Tiny(params string[] roles) => new()
    {
        Path = ModelOptions.BuiltInTiny,
        Roles = roles.Length == 0 ? [ModelRoles.Chat] : [.. roles],
        ContextLength = 512,
        ParallelSequences = 4,
    };
}
