using System.Runtime.InteropServices;

namespace ChatCouncil.Inference.Native;

#pragma warning disable IDE1006, CA1707 // naming: C names on purpose
internal static partial class GgmlNative
{
    public const int DeviceTypeCpu = 0;
    public const int DeviceTypeGpu = 1;
    public const int DeviceTypeIgpu = 2;

    [LibraryImport(NativeLibraryNames.Ggml, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ggml_backend_load_all_from_path(string dirPath);

    [LibraryImport(NativeLibraryNames.Ggml)]
    public static partial nuint ggml_backend_reg_count();

    [LibraryImport(NativeLibraryNames.Ggml)]
    public static partial nuint ggml_backend_dev_count();

    [LibraryImport(NativeLibraryNames.Ggml)]
    public static partial nint ggml_backend_dev_get(nuint index);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    public static partial nint ggml_backend_dev_name(nint device);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    public static partial nint ggml_backend_dev_description(nint device);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    public static partial int ggml_backend_dev_type(nint device);

    [LibraryImport(NativeLibraryNames.GgmlBase)]
    public static unsafe partial void ggml_backend_dev_memory(nint device, nuint* free, nuint* total);
}
