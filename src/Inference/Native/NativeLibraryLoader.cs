using System.Reflection;
using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

/// <summary>
/// Maps the logical names in <see cref="NativeLibraryNames"/> to the files of one flavour (cpu or
/// vulkan) of the pinned llama.cpp build. The resolver is process-wide and frozen after the first
/// configuration: a process talks to exactly one copy of the libraries.
/// </summary>
internal static class NativeLibraryLoader
{
    public const string InstallHint = "Run `make run` (or scripts/install-native.sh) to fetch the pinned libraries, or set Inference:NativeLibraryPath to the folder that holds cpu/ and vulkan/.";
    private static readonly Lock Gate = new();
    private static string? _directory;
    private static NativeFlavour _flavour;

    public static string Directory => _directory ?? throw new InvalidOperationException("Native libraries are not configured yet.");

    public static NativeFlavour Flavour => _flavour;

    public static bool IsConfigured => _directory is not null;

    /// <summary>Chooses the flavour folder under <paramref name="root"/> and installs the resolver once.</summary>
    public static void Configure(string root, NativeFlavour flavour)
    {
        var directory = FlavourDirectory(root, flavour);
        var llama = Path.Combine(directory, FileName(NativeLibraryNames.Llama, flavour));
        if (!File.Exists(llama))
        {
            throw new NativeLibraryException($"The llama.cpp library {llama} is missing. {InstallHint}");
        }

        lock (Gate)
        {
            if (_directory is not null)
            {
                if (_flavour != flavour || !string.Equals(_directory, directory, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"llama.cpp is already loaded from {_directory} ({_flavour}); a process can load only one copy of the libraries.");
                }

                return;
            }

            _directory = directory;
            _flavour = flavour;
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
        }
    }

    public static string FlavourDirectory(string root, NativeFlavour flavour) =>
        Path.GetFullPath(Path.Combine(root, flavour == NativeFlavour.Vulkan ? "vulkan" : "cpu"));

    /// <summary>True when the system's Vulkan loader (Debian's libvulkan1) can be loaded.</summary>
    public static bool IsVulkanLoaderPresent()
    {
        if (NativeLibrary.TryLoad("libvulkan.so.1", out var handle))
        {
            NativeLibrary.Free(handle);
            return true;
        }

        return false;
    }

    /// <summary>Finds the folder holding cpu/ and vulkan/: next to the app, or in a parent folder's native/llama.</summary>
    public static string? Discover()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "native", "llama"), Path.Combine(dir.FullName, "llama") })
            {
                if (File.Exists(Path.Combine(candidate, "cpu", FileName(NativeLibraryNames.Llama, NativeFlavour.Cpu))))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string FileName(string logicalName, NativeFlavour flavour)
    {
        var tag = flavour == NativeFlavour.Vulkan ? ".vulkan" : string.Empty;
        return logicalName switch
        {
            NativeLibraryNames.Llama => $"libllama{tag}.v0.5.0.so",
            NativeLibraryNames.Ggml => $"libggml{tag}.v0.5.0.so",
            NativeLibraryNames.GgmlBase => "libggml-base.so",
            _ => logicalName,
        };
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName is not (NativeLibraryNames.Llama or NativeLibraryNames.Ggml or NativeLibraryNames.GgmlBase))
        {
            return IntPtr.Zero;
        }

        var path = Path.Combine(Directory, FileName(libraryName, _flavour));
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException ex)
        {
            var vulkanHint = _flavour == NativeFlavour.Vulkan && !IsVulkanLoaderPresent()
                ? " The Vulkan loader libvulkan.so.1 is missing: apt-get install libvulkan1 mesa-vulkan-drivers, or set Inference:Backend=cpu."
                : string.Empty;
            throw new NativeLibraryException($"Could not load {path}: {ex.Message}.{vulkanHint} {InstallHint}", ex);
        }
    }
}
