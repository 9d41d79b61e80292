using System.Diagnostics;
using System.Text.Json;
using ChatCouncil.Inference.Adapters;
using ChatCouncil.Inference.Engine;
using ChatCouncil.Inference.Generation;
using ChatCouncil.Inference.Gguf;
using ChatCouncil.Inference.Grammar;
using ChatCouncil.Inference.TinyModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Inference.Registry;

/// <summary>Turns a configured model into a loaded instance: resolves the file, validates it, loads it.</summary>
internal sealed class ModelFactory(IOptions<InferenceOptions> options, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("ChatCouncil.Inference");

    public LoadedModel Create(string id, ModelOptions entry)
    {
        if (string.Equals(entry.Provider, "openai", StringComparison.OrdinalIgnoreCase))
        {
            return CreateRemote(id, entry);
        }

        var clock = Stopwatch.StartNew();
        var path = ResolvePath(id, entry);
        var info = GgufReader.ReadModelInfo(path);
        var runtime = LlamaRuntime.Initialize(options.Value, _logger);
        var resources = new List<IDisposable>();
        try
        {
            var model = LlamaModel.Load(runtime, path, new ModelLoadSettings
            {
                Backend = entry.Backend ?? options.Value.Backend,
                GpuLayers = entry.GpuLayers,
            });
            resources.Add(model);

            var perConversation = entry.ContextLength > 0 ? entry.ContextLength : Math.Min(model.TrainedContextLength, 4096);
            IChatClient? chat = null;
            IEmbeddingGenerator<string, Embedding<float>>? embeddings = null;
            if (entry.Roles.Contains(ModelRoles.Chat, StringComparer.OrdinalIgnoreCase))
            {
                var scheduler = new GenerationScheduler(model, new SchedulerSettings
                {
                    ParallelSequences = entry.ParallelSequences,
                    ContextPerSequence = perConversation,
                    BatchSize = entry.BatchSize,
                    Threads = entry.Threads,
                }, _logger, id);
                resources.Add(scheduler);
                chat = new LlamaChatClient(id, scheduler, JsonGrammar);
            }

            if (entry.Roles.Contains(ModelRoles.Embedding, StringComparer.OrdinalIgnoreCase))
            {
                var worker = new EmbeddingWorker(model, Math.Min(perConversation, 2048), entry.Threads);
                resources.Add(worker);
                embeddings = new LlamaEmbeddingGenerator(id, worker);
            }

            var facts = new ModelFacts(info.Architecture, model.ParameterCount, model.SizeBytes, model.TrainedContextLength,
                perConversation, model.EmbeddingLength, info.Quantization, model.ChatTemplate is not null);
            InferenceLog.ModelLoaded(_logger, id, path, model.Backend.ToString().ToLowerInvariant(), clock.ElapsedMilliseconds);
            return new LoadedModel(id, model.Backend.ToString().ToLowerInvariant(), facts, chat, embeddings, resources);
        }
        catch
        {
            for (var i = resources.Count - 1; i >= 0; i--)
            {
                resources[i].Dispose();
            }

            throw;
        }
    }

    /// <summary>The file a local model loads from; the built-in tiny model is generated on first use.</summary>
    public string ResolvePath(string id, ModelOptions entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Path))
        {
            throw new ModelLoadException($"Model '{id}' has no Path. Set Inference:Models:{id}:Path to a GGUF file, or to {ModelOptions.BuiltInTiny}.");
        }

        if (string.Equals(entry.Path, ModelOptions.BuiltInTiny, StringComparison.OrdinalIgnoreCase))
        {
            return TinyModelGenerator.EnsureCreated(options.Value.ModelDirectory, TinyModelSpec.Default);
        }

        if (string.Equals(entry.Path, ModelOptions.BuiltInTinyLarge, StringComparison.OrdinalIgnoreCase))
        {
            return TinyModelGenerator.EnsureCreated(options.Value.ModelDirectory, TinyModelSpec.Benchmark);
        }

        var full = System.IO.Path.GetFullPath(entry.Path);
        if (!File.Exists(full))
        {
            throw new ModelLoadException($"The model file {full} for '{id}' does not exist. Download a GGUF model there, or point Inference:Models:{id}:Path at one (or use {ModelOptions.BuiltInTiny}).");
        }

        return full;
    }

    private static string JsonGrammar(JsonElement? schema) =>
        schema is { } s ? JsonSchemaGrammar.ToGbnf(s) : JsonSchemaGrammar.AnyJson;

    private static LoadedModel CreateRemote(string id, ModelOptions entry)
    {
        var endpoint = entry.Endpoint ?? throw new ModelLoadException($"Model '{id}' uses the openai provider but has no Endpoint. Set Inference:Models:{id}:Endpoint, e.g. http://localhost:8080/v1.");
        var client = new OpenAiCompatibleChatClient(endpoint, entry.RemoteModel ?? id, entry.ApiKey);
        return new LoadedModel(id, "remote", null, client, null, [client]);
    }
}
