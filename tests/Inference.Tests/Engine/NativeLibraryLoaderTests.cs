using ChatCouncil.Inference.Native;

namespace ChatCouncil.Inference.Tests.Engine;

public sealed class NativeLibraryLoaderTests
{
    [Fact]
    public void Configure_FolderWithoutLibraries_NamesTheFileAndTheInstallCommand()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"no-llama-{Guid.NewGuid():N}");

        var ex = Assert.Throws<NativeLibraryException>(() => NativeLibraryLoader.Configure(empty, NativeFlavour.Cpu));

        Assert.Contains(Path.Combine(empty, "cpu", "libllama.v0.5.0.so"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/install-native.sh", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Inference:NativeLibraryPath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_FromTheTestOutput_FindsTheRepositoryCopy()
    {
        var found = NativeLibraryLoader.Discover();

        Assert.NotNull(found);
        Assert.True(File.Exists(Path.Combine(found, "vulkan", "libllama.vulkan.v0.5.0.so")));
    }

    [Fact]
    public void VulkanLoader_IsInstalledByTheProjectScripts()
    {
        Assert.True(NativeLibraryLoader.IsVulkanLoaderPresent(), "libvulkan.so.1 is missing: scripts/install-system.sh installs libvulkan1");
    }
}
