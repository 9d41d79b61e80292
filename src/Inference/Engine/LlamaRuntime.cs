using System.Runtime.InteropServices;
using ChatCouncil.Inference.Native;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.Inference.Engine;

/// <summary>
/// The process-wide llama.cpp runtime: loads one flavour of the native libraries, loads the ggml
/// backends from the library folder (llama_backend_init alone finds none), and lists the devices.
/// Initialising twice with the same settings returns the same instance.
/// </summary>
public sealed class LlamaRuntime
{
    private static readonly Lock Gate = new();
    private static LlamaRuntime? _instance;
    private readonly nint[] _gpuDevices;

    private LlamaRuntime(string directory, bool vulkan, IReadOnlyList<ComputeDevice> devices, nint[] gpuDevices, string version)
    {
        Directory = directory;
        IsVulkanFlavour = vulkan;
        Devices = devices;
        _gpuDevices = gpuDevices;
        Version = version;
    }

    public string Directory { get; }

    public bool IsVulkanFlavour { get; }

    public IReadOnlyList<ComputeDevice> Devices { get; }

    public string Version { get; }

    /// <summary>True when at least one Vulkan (GPU-type) device is usable.</summary>
    public bool HasGpuDevice => _gpuDevices.Length > 0;

    /// <summary>The backend a model asking for <paramref name="requested"/> will actually run on.</summary>
    public InferenceBackend Resolve(InferenceBackend requested) => requested switch
    {
        InferenceBackend.Cpu => InferenceBackend.Cpu,
        InferenceBackend.Vulkan when !HasGpuDevice => throw new NativeLibraryException(
            "No Vulkan device is available. Install a GPU driver, or on a machine without a GPU install mesa-vulkan-drivers and set " +
            "Inference:VulkanVisibleDevices=0 to use lavapipe (a CPU Vulkan device), or set the model's Backend to cpu."),
        InferenceBackend.Vulkan => InferenceBackend.Vulkan,
        _ => HasGpuDevice ? InferenceBackend.Vulkan : InferenceBackend.Cpu,
    };

    internal ReadOnlySpan<nint> GpuDevices => _gpuDevices;

    public static LlamaRuntime Initialize(InferenceOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (Gate)
        {
            if (_instance is not null)
            {
                return _instance;
            }

            var root = options.NativeLibraryPath ?? NativeLibraryLoader.Discover()
                ?? throw new NativeLibraryException($"The llama.cpp libraries were not found next to {AppContext.BaseDirectory} or in a parent's native/llama folder. {NativeLibraryLoader.InstallHint}");

            var useVulkan = options.Backend != InferenceBackend.Cpu && NativeLibraryLoader.IsVulkanLoaderPresent();
            if (options.Backend == InferenceBackend.Vulkan && !useVulkan)
            {
                throw new NativeLibraryException(
                    "Inference:Backend is vulkan but the Vulkan loader libvulkan.so.1 is missing: apt-get install libvulkan1 mesa-vulkan-drivers, or set Inference:Backend=cpu.");
            }

            // ggml reads these with getenv() while loading backends.
            LibC.SetEnv("GGML_NO_BACKTRACE", "1", 1);
            if (!string.IsNullOrEmpty(options.VulkanVisibleDevices))
            {
                LibC.SetEnv("GGML_VK_VISIBLE_DEVICES", options.VulkanVisibleDevices, 1);
            }

            NativeLibraryLoader.Configure(root, useVulkan ? NativeFlavour.Vulkan : NativeFlavour.Cpu);
            NativeLogBridge.Install(logger);
            GgmlNative.ggml_backend_load_all_from_path(NativeLibraryLoader.Directory);
            LlamaNative.llama_backend_init();

            var (devices, gpus) = EnumerateDevices();
            if (devices.Count == 0)
            {
                throw new NativeLibraryException($"No ggml backend could be loaded from {NativeLibraryLoader.Directory}. {NativeLibraryLoader.InstallHint}");
            }

            var version = Marshal.PtrToStringUTF8(LlamaNative.llama_version()) ?? "unknown";
            _instance = new LlamaRuntime(NativeLibraryLoader.Directory, useVulkan, devices, gpus, version);
            InferenceLog.RuntimeReady(logger, version, NativeLibraryLoader.Directory, useVulkan ? "vulkan" : "cpu",
                string.Join(", ", devices.Select(d => $"{d.Name} ({d.Kind})")));
            return _instance;
        }
    }

    private static unsafe (List<ComputeDevice> Devices, nint[] Gpus) EnumerateDevices()
    {
        var devices = new List<ComputeDevice>();
        var gpus = new List<nint>();
        var count = GgmlNative.ggml_backend_dev_count();
        for (nuint i = 0; i < count; i++)
        {
            var dev = GgmlNative.ggml_backend_dev_get(i);
            nuint free = 0, total = 0;
            GgmlNative.ggml_backend_dev_memory(dev, &free, &total);
            var kind = (ComputeDeviceKind)GgmlNative.ggml_backend_dev_type(dev);
            devices.Add(new ComputeDevice(
                Marshal.PtrToStringUTF8(GgmlNative.ggml_backend_dev_name(dev)) ?? "?",
                Marshal.PtrToStringUTF8(GgmlNative.ggml_backend_dev_description(dev)) ?? string.Empty,
                kind, (long)free, (long)total));
            if (kind is ComputeDeviceKind.Gpu or ComputeDeviceKind.IntegratedGpu)
            {
                gpus.Add(dev);
            }
        }

        return (devices, gpus.ToArray());
    }
}
