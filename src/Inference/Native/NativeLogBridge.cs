using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.Inference.Native;

/// <summary>Routes llama.cpp's and ggml's log lines into <see cref="ILogger"/>; about half are debug and dropped unless enabled.</summary>
internal static class NativeLogBridge
{
    private static ILogger? _logger;
    private static readonly StringBuilder Pending = new();
    private static LogLevel _pendingLevel = LogLevel.Information;
    private static readonly Lock Gate = new();

    public static unsafe void Install(ILogger logger)
    {
        _logger = logger;
        LlamaNative.llama_log_set(&OnLog, IntPtr.Zero);
    }

    [UnmanagedCallersOnly]
    private static unsafe void OnLog(int level, byte* text, nint userData)
    {
        var logger = _logger;
        if (logger is null || text is null)
        {
            return;
        }

        var message = Marshal.PtrToStringUTF8((nint)text) ?? string.Empty;
        lock (Gate)
        {
            // GGML_LOG_LEVEL_CONT (5) continues the previous line at its level.
            if (level != 5)
            {
                // llama.cpp's info level is a per-load dump of metadata and buffers: debug for us.
                _pendingLevel = level switch
                {
                    3 => LogLevel.Warning,
                    4 => LogLevel.Error,
                    _ => LogLevel.Debug,
                };
            }

            Pending.Append(message);
            if (!message.EndsWith('\n'))
            {
                return;
            }

            var line = Pending.ToString().TrimEnd();
            Pending.Clear();
            if (line.Length > 0 && logger.IsEnabled(_pendingLevel))
            {
                InferenceLog.NativeMessage(logger, _pendingLevel, line);
            }
        }
    }
}
