using System.Collections.Concurrent;
using ChatCouncil.Inference.Engine;
using ChatCouncil.Inference.Gguf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Inference.Registry;

/// <summary>
/// The configured models, which of them are loaded, and which serves each role by default.
/// Loading a model makes it the default for its roles; a model that stops being anyone's default
/// is unloaded once its in-flight requests finish. Loads are serialized so two never race for
/// (GPU) memory, and the previous instance keeps serving until the new one is ready.
/// </summary>
public sealed class ModelRegistry : IDisposable
{
    private readonly IReadOnlyDictionary<string, ModelOptions> _entries;
    private readonly Func<string, ModelOptions, LoadedModel> _create;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private readonly ConcurrentDictionary<string, LoadedModel> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _defaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _errors = new(StringComparer.OrdinalIgnoreCase);
    private volatile string? _loading;

    internal ModelRegistry(IOptions<InferenceOptions> options, ModelFactory factory, ILoggerFactory loggerFactory)
        : this(options, factory.Create, loggerFactory)
    {
    }

    /// <summary>Tests wrap <paramref name="create"/> to hold a load open.</summary>
    internal ModelRegistry(IOptions<InferenceOptions> options, Func<string, ModelOptions, LoadedModel> create, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _entries = EffectiveModels(options.Value);
        _create = create;
        _logger = loggerFactory.CreateLogger<ModelRegistry>();
        foreach (var role in _entries.Values.SelectMany(e => e.Roles).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var configured = options.Value.DefaultModels.GetValueOrDefault(role);
            var id = configured ?? _entries.First(e => e.Value.Roles.Contains(role, StringComparer.OrdinalIgnoreCase)).Key;
            _defaults[role] = id;
        }
    }

    public IReadOnlyCollection<string> ModelIds => _entries.Keys.ToArray();

    /// <summary>The configured models, or the built-in tiny model when none are configured.</summary>
    public static IReadOnlyDictionary<string, ModelOptions> EffectiveModels(InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Models.Count > 0
            ? new Dictionary<string, ModelOptions>(options.Models, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, ModelOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["tiny"] = new() { Path = ModelOptions.BuiltInTiny, Roles = [ModelRoles.Chat, ModelRoles.Embedding] },
            };
    }

    public string? DefaultFor(string role) => _defaults.GetValueOrDefault(role);

    public IReadOnlyList<ModelStatus> List() => _entries.Keys.Order(StringComparer.Ordinal).Select(Status).ToArray();

    public ModelStatus Status(string id)
    {
        var entry = Entry(id);
        var loaded = _loaded.GetValueOrDefault(id);
        var state = loaded is not null ? ModelState.Loaded
            : string.Equals(_loading, id, StringComparison.OrdinalIgnoreCase) ? ModelState.Loading
            : _errors.ContainsKey(id) ? ModelState.Failed
            : ModelState.NotLoaded;
        var defaultFor = _defaults.Where(d => string.Equals(d.Value, id, StringComparison.OrdinalIgnoreCase)).Select(d => d.Key).Order(StringComparer.Ordinal).ToArray();
        return new ModelStatus(id, entry.Provider, entry.Roles, defaultFor, state, entry.Path, loaded?.Backend, loaded?.Facts,
            loaded?.InFlight ?? 0, _errors.GetValueOrDefault(id));
    }

    /// <summary>Loads the default model of every role (at start-up).</summary>
    public async Task LoadDefaultsAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _defaults.Values.Distinct(StringComparer.OrdinalIgnoreCase).ToArray())
        {
            if (!_loaded.ContainsKey(id))
            {
                await LoadAsync(id, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Loads (or reloads) a model while the current one keeps serving, then switches its roles to it
    /// atomically. Throws <see cref="ModelUnavailableException"/> when another load is running.
    /// </summary>
    public async Task<ModelStatus> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        var entry = Entry(id);
        if (!await _loadGate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            throw new ModelUnavailableException($"Model '{_loading}' is being loaded; try again when it finishes.");
        }

        try
        {
            _loading = id;
            LoadedModel fresh;
            try
            {
                fresh = await Task.Run(() => _create(id, entry), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ModelLoadException or GgufFormatException or FileNotFoundException or Native.NativeLibraryException)
            {
                _errors[id] = ex.Message;
                InferenceLog.ModelLoadFailed(_logger, id, ex.Message);
                throw;
            }

            _errors.TryRemove(id, out _);
            var previous = _loaded.GetValueOrDefault(id);
            _loaded[id] = fresh;
            foreach (var role in entry.Roles)
            {
                _defaults[role] = id;
            }

            previous?.Release();
            RetireUnused();
            return Status(id);
        }
        finally
        {
            _loading = null;
            _loadGate.Release();
        }
    }

    /// <summary>Takes a reference on the model serving <paramref name="modelId"/>, or the role's default when null.</summary>
    public ModelLease Acquire(string? modelId, string role)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var id = modelId ?? DefaultFor(role) ?? throw new ModelUnavailableException($"No model has the '{role}' role. Add one under Inference:Models with Roles [\"{role}\"].");
            var entry = Entry(id);
            if (!entry.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
            {
                throw new ModelUnavailableException($"Model '{id}' does not have the '{role}' role.");
            }

            if (!_loaded.TryGetValue(id, out var loaded))
            {
                throw new ModelUnavailableException(_errors.TryGetValue(id, out var error)
                    ? $"Model '{id}' failed to load: {error}"
                    : $"Model '{id}' is not loaded. Load it with POST /models/{id}/load.");
            }

            if (loaded.TryAcquire())
            {
                return new ModelLease(loaded);
            }

            // Lost a race with a hot swap: the instance was retired between lookup and acquire.
        }

        throw new ModelUnavailableException($"Model '{modelId ?? role}' is being swapped; try again.");
    }

    public void Dispose()
    {
        foreach (var id in _loaded.Keys.ToArray())
        {
            if (_loaded.TryRemove(id, out var model))
            {
                model.Release();
                InferenceLog.ModelUnloaded(_logger, id);
            }
        }

        _loadGate.Dispose();
    }

    private void RetireUnused()
    {
        var inUse = _defaults.Values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var id in _loaded.Keys.ToArray())
        {
            if (!inUse.Contains(id) && _loaded.TryRemove(id, out var model))
            {
                model.Release();
                InferenceLog.ModelUnloaded(_logger, id);
            }
        }
    }

    private ModelOptions Entry(string id) =>
        _entries.TryGetValue(id, out var entry) ? entry : throw new UnknownModelException(id, _entries.Keys);
}
