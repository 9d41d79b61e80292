using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace ChatCouncil.Inference.Generation;

/// <summary>Scheduler-thread state of one running request.</summary>
internal sealed class ActiveGeneration(
    GenerationRequest request,
    int[] prompt,
    SamplerChain sampler,
    CancellationToken cancellation)
{
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly char[] _chars = new char[64];

    public GenerationRequest Request { get; } = request;

    public int[] Prompt { get; } = prompt;

    public SamplerChain Sampler { get; } = sampler;

    public CancellationToken Cancellation { get; } = cancellation;

    public Channel<GenerationChunk> Output { get; } = Channel.CreateUnbounded<GenerationChunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public StopSequenceMatcher Stops { get; } = new(request.StopSequences);

    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>Index of the next prompt token to decode.</summary>
    public int PromptCursor { get; set; }

    public int ReusedTokens { get; set; }

    /// <summary>The sampled token waiting to be decoded, or -1.</summary>
    public int PendingToken { get; set; } = -1;

    public int Generated { get; set; }

    public TimeSpan TimeToFirstToken { get; set; }

    public bool PromptDone => PromptCursor >= Prompt.Length;

    public string DecodePiece(ReadOnlySpan<byte> bytes)
    {
        var buffer = _utf8.GetCharCount(bytes, flush: false) <= _chars.Length ? _chars : new char[bytes.Length + 4];
        var n = _utf8.GetChars(bytes, buffer, flush: false);
        return new string(buffer, 0, n);
    }
}
