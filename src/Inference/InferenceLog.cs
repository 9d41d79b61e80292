using Microsoft.Extensions.Logging;

namespace ChatCouncil.Inference;

internal static partial class InferenceLog
{
    [LoggerMessage(EventId = 1000, Message = "llama.cpp: {Line}")]
    public static partial void NativeMessage(ILogger logger, LogLevel level, string line);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "llama.cpp {Version} loaded from {Directory} ({Flavour}); devices: {Devices}")]
    public static partial void RuntimeReady(ILogger logger, string version, string directory, string flavour, string devices);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Model {ModelId} loaded from {Path} on {Backend} in {ElapsedMs} ms")]
    public static partial void ModelLoaded(ILogger logger, string modelId, string path, string backend, long elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Model {ModelId} unloaded")]
    public static partial void ModelUnloaded(ILogger logger, string modelId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Model {ModelId} failed to load: {Reason}")]
    public static partial void ModelLoadFailed(ILogger logger, string modelId, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Decode failed for model {ModelId} with status {Status}")]
    public static partial void DecodeFailed(ILogger logger, string modelId, int status);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Built-in tiny model written to {Path}")]
    public static partial void TinyModelCreated(ILogger logger, string path);
}
