using ChatCouncil.Inference.Gguf;

namespace ChatCouncil.Inference.TinyModel;

/// <summary>
/// Generates the built-in tiny llama-architecture model: F32 random weights and a character-level
/// vocabulary with a ChatML template, so the bot and the tests run llama.cpp with no download. The file
/// is byte-identical on every run and machine. Its text is meaningless by design.
/// </summary>
public static class TinyModelGenerator
{
    /// <summary>The complete GGUF file for <paramref name="spec"/>.</summary>
    public static byte[] Generate(TinyModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var writer = new GgufWriter();
        TinyModelMetadata.AddTo(writer, spec);
        TinyModelWeights.AddTo(writer, spec);
        using var buffer = new MemoryStream();
        writer.WriteTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the model into <paramref name="directory"/> (created if needed) unless an identical file is
    /// already there, and returns its full path. Safe to call concurrently from several processes: the
    /// file is written under a temporary name and renamed into place, so no reader sees a partial file.
    /// </summary>
    public static string EnsureCreated(string directory, TinyModelSpec spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var bytes = Generate(spec);
        var fullDirectory = Path.GetFullPath(directory);
        Directory.CreateDirectory(fullDirectory);
        var path = Path.Combine(fullDirectory, spec.FileName);
        if (IsIdentical(path, bytes))
        {
            return path;
        }

        var temporary = Path.Combine(fullDirectory, $".{spec.FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }

    private static bool IsIdentical(string path, byte[] expected)
    {
        var existing = new FileInfo(path);
        if (!existing.Exists || existing.Length != expected.Length)
        {
            return false;
        }

        return File.ReadAllBytes(path).AsSpan().SequenceEqual(expected);
    }
}
