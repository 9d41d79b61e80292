using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

/// <summary>
/// Environment.SetEnvironmentVariable does not reach native getenv() on Linux; the ggml settings
/// (GGML_VK_VISIBLE_DEVICES, GGML_NO_BACKTRACE) are read from the C environment.
/// </summary>
internal static partial class LibC
{
    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int SetEnv(string name, string value, int overwrite);
}
