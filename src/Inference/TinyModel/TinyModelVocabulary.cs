using System.Globalization;

namespace ChatCouncil.Inference.TinyModel;

/// <summary>
/// The tiny model's SentencePiece-style ("llama") vocabulary: one token per character, so a prompt's
/// token count is predictable (about one token per ASCII character, UTF-8 bytes for the rest).
/// </summary>
/// <remarks>
/// Layout: 0 <c>&lt;unk&gt;</c>, 1 <c>&lt;s&gt;</c> (BOS), 2 <c>&lt;/s&gt;</c> (EOS), 3–258 byte tokens
/// <c>&lt;0x00&gt;</c>…<c>&lt;0xFF&gt;</c>, 259 <c>▁</c> (space), 260–353 printable ASCII <c>!</c>…<c>~</c>,
/// 354 <c>&lt;|im_start|&gt;</c>, 355 <c>&lt;|im_end|&gt;</c> (end of turn).
/// </remarks>
public static class TinyModelVocabulary
{
    public const int UnknownId = 0;
    public const int BosId = 1;
    public const int EosId = 2;
    public const int FirstByteId = 3;
    public const int SpaceId = FirstByteId + 256;
    public const int FirstAsciiId = SpaceId + 1;
    public const int ImStartId = FirstAsciiId + AsciiCount;
    public const int ImEndId = ImStartId + 1;
    public const int Size = ImEndId + 1;

    /// <summary>ChatML; llama_chat_apply_template recognises it by the <c>&lt;|im_start|&gt;</c> marker.</summary>
    public const string ChatTemplate =
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private const char FirstAscii = '!';
    private const char LastAscii = '~';
    private const int AsciiCount = LastAscii - FirstAscii + 1;

    // tokenizer.ggml.token_type values (llama.h enum llama_token_type).
    private const int Normal = 1;
    private const int Unknown = 2;
    private const int Control = 3;
    private const int Byte = 6;

    internal static string[] Tokens()
    {
        var tokens = new string[Size];
        tokens[UnknownId] = "<unk>";
        tokens[BosId] = "<s>";
        tokens[EosId] = "</s>";
        for (var b = 0; b < 256; b++)
        {
            tokens[FirstByteId + b] = string.Create(CultureInfo.InvariantCulture, $"<0x{b:X2}>");
        }

        tokens[SpaceId] = "\u2581";
        for (var c = FirstAscii; c <= LastAscii; c++)
        {
            tokens[FirstAsciiId + (c - FirstAscii)] = c.ToString();
        }

        tokens[ImStartId] = "<|im_start|>";
        tokens[ImEndId] = "<|im_end|>";
        return tokens;
    }

    internal static int[] TokenTypes()
    {
        var types = new int[Size];
        Array.Fill(types, Normal);
        types[UnknownId] = Unknown;
        types[BosId] = types[EosId] = types[ImStartId] = types[ImEndId] = Control;
        Array.Fill(types, Byte, FirstByteId, 256);
        return types;
    }

    /// <summary>
    /// Tokens the model is biased against emitting: control tokens and byte tokens other than newline,
    /// so generated text is printable ASCII, spaces and newlines, and greedy decoding never ends a turn.
    /// </summary>
    internal static bool IsSuppressed(int id) =>
        id is UnknownId or BosId or EosId or ImStartId or ImEndId ||
        (id is >= FirstByteId and < SpaceId && id != FirstByteId + '\n');
}
