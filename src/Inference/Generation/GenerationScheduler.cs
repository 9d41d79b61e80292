using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChatCouncil.Inference.Engine;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.Inference.Generation;

/// <summary>
/// Continuous batching over one llama context: every running conversation owns a KV sequence,
/// and each decode step carries one new token of every generating conversation plus chunks of
/// newly admitted prompts. A new request takes the free sequence whose cached tokens share the
/// longest prefix with its prompt, so a follow-up turn only decodes what is new.
/// </summary>
/// <remarks>
/// Thread-safe: callers on any thread submit through <see cref="GenerateAsync"/>; one dedicated
/// thread owns the native context. Dispose only after all generations have finished.
/// </remarks>
public sealed class GenerationScheduler : IDisposable
{
    private readonly LlamaModel _model;
    private readonly LlamaContext _context;
    private readonly TokenBatch _batch;
    private readonly SequenceSlot[] _slots;
    private readonly ConcurrentQueue<ActiveGeneration> _incoming = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _thread;
    private readonly ILogger _logger;
    private readonly string _name;
    private readonly List<(SequenceSlot Slot, int Index)> _outputs = [];
    private readonly byte[] _piece = new byte[256];
    private long _clock;

    public GenerationScheduler(LlamaModel model, SchedulerSettings settings, ILogger logger, string name = "model")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        _model = model;
        _logger = logger;
        _name = name;
        _context = LlamaContext.Create(model, new ContextSettings
        {
            ContextLength = settings.ContextPerSequence * settings.ParallelSequences,
            BatchSize = settings.BatchSize,
            Sequences = settings.ParallelSequences,
            Threads = settings.Threads,
        });
        _batch = new TokenBatch(_context.BatchSize);
        _slots = Enumerable.Range(0, settings.ParallelSequences).Select(i => new SequenceSlot(i)).ToArray();
        _thread = new Thread(Run) { IsBackground = true, Name = $"llama-{name}" };
        _thread.Start();
    }

    public LlamaModel Model => _model;

    /// <summary>llama.cpp's decode-only counters for this scheduler's context (benchmarks compare wall-clock rates against them).</summary>
    public PerfCounters GetPerf() => _context.GetPerf();

    public void ResetPerf() => _context.ResetPerf();

    /// <summary>Tokens one conversation may hold: prompt plus answer.</summary>
    public int SequenceContextLength => _context.SequenceContextLength;

    /// <summary>Tokenizes the prompt, checks it fits, and streams the answer as it is decoded.</summary>
    /// <exception cref="PromptTooLongException">The prompt does not fit in a sequence.</exception>
    /// <exception cref="InvalidGrammarException">The request's grammar is invalid.</exception>
    public IAsyncEnumerable<GenerationChunk> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxTokens, 1, nameof(request));
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);

        var prompt = request.PromptTokens?.ToArray() ?? _model.Tokenize(request.Prompt, addSpecial: true, parseSpecial: true);
        if (prompt.Length == 0)
        {
            prompt = [_model.Bos];
        }

        if (prompt.Length >= SequenceContextLength)
        {
            throw new PromptTooLongException(prompt.Length, SequenceContextLength);
        }

        var sampler = SamplerChain.Create(_model, request.Sampling);
        var generation = new ActiveGeneration(request, prompt, sampler, cancellationToken);
        _incoming.Enqueue(generation);
        _wake.Release();
        return ReadAsync(generation, cancellationToken);
    }

    private static async IAsyncEnumerable<GenerationChunk> ReadAsync(ActiveGeneration generation, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The scheduler sees the same token and finishes the generation as Cancelled; the reader
        // keeps draining so the final summary still arrives.
        await foreach (var chunk in generation.Output.Reader.ReadAllAsync(CancellationToken.None))
        {
            yield return chunk;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _wake.Release();
        _thread.Join();
        foreach (var slot in _slots)
        {
            if (slot.Active is { } active)
            {
                Fail(slot, active, new ObjectDisposedException(nameof(GenerationScheduler)));
            }
        }

        while (_incoming.TryDequeue(out var queued))
        {
            queued.Sampler.Dispose();
            queued.Output.Writer.TryComplete(new ObjectDisposedException(nameof(GenerationScheduler)));
        }

        _batch.Dispose();
        _context.Dispose();
        _stopping.Dispose();
        _wake.Dispose();
    }

    private void Run()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                Admit();
                if (!Step())
                {
                    _wake.Wait(token);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The scheduler thread must survive any one failed step; the failure goes to the requests in it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var slot in _slots)
                {
                    if (slot.Active is { } active)
                    {
                        Fail(slot, active, ex);
                    }
                }
            }
        }
    }

    /// <summary>Moves queued requests into free sequences, reusing the longest cached prefix.</summary>
    private void Admit()
    {
        while (!_incoming.IsEmpty)
        {
            SequenceSlot? best = null;
            var bestPrefix = -1;
            if (!_incoming.TryPeek(out var next))
            {
                return;
            }

            foreach (var slot in _slots)
            {
                if (slot.Active is not null)
                {
                    continue;
                }

                var prefix = slot.CommonPrefixLength(next.Prompt);
                if (prefix > bestPrefix || (prefix == bestPrefix && slot.LastUsed < best!.LastUsed))
                {
                    best = slot;
                    bestPrefix = prefix;
                }
            }

            if (best is null || !_incoming.TryDequeue(out var generation))
            {
                return;
            }

            // At least one prompt token must be decoded to get logits to sample from.
            var reuse = generation.Request.ReuseCache ? Math.Min(bestPrefix, generation.Prompt.Length - 1) : 0;
            if (!_context.TruncateSequence(best.Sequence, reuse))
            {
                _context.TruncateSequence(best.Sequence, 0);
                reuse = 0;
            }

            best.Cached.RemoveRange(reuse, best.Cached.Count - reuse);
            generation.PromptCursor = reuse;
            generation.ReusedTokens = reuse;
            best.Active = generation;
            best.LastUsed = ++_clock;
        }
    }

    /// <summary>One decode of every active sequence. False when there was nothing to do.</summary>
    private bool Step()
    {
        _batch.Clear();
        _outputs.Clear();
        foreach (var slot in _slots)
        {
            if (slot.Active is { } active && active.Cancellation.IsCancellationRequested)
            {
                Finish(slot, active, FinishReason.Cancelled);
            }
        }

        // Generating sequences first, one token each, so running answers never wait behind a long prompt.
        foreach (var slot in _slots)
        {
            if (slot.Active is { PromptDone: true, PendingToken: >= 0 } active)
            {
                _outputs.Add((slot, _batch.Add(active.PendingToken, slot.Cached.Count, slot.Sequence, wantLogits: true)));
                slot.Cached.Add(active.PendingToken);
                active.PendingToken = -1;
            }
        }

        foreach (var slot in _slots)
        {
            if (slot.Active is not { PromptDone: false } active || _batch.Count >= _batch.Capacity)
            {
                continue;
            }

            var take = Math.Min(_batch.Capacity - _batch.Count, active.Prompt.Length - active.PromptCursor);
            for (var i = 0; i < take; i++)
            {
                var last = active.PromptCursor == active.Prompt.Length - 1;
                var index = _batch.Add(active.Prompt[active.PromptCursor], slot.Cached.Count, slot.Sequence, wantLogits: last);
                slot.Cached.Add(active.Prompt[active.PromptCursor]);
                active.PromptCursor++;
                if (last)
                {
                    _outputs.Add((slot, index));
                }
            }
        }

        if (_batch.Count == 0)
        {
            return _slots.Any(s => s.Active is not null);
        }

        var status = _context.Decode(_batch);
        if (status != DecodeStatus.Ok)
        {
            InferenceLog.DecodeFailed(_logger, _name, (int)status);
            var error = new InvalidOperationException($"llama_decode failed with status {status}.");
            foreach (var slot in _slots)
            {
                if (slot.Active is { } active)
                {
                    _context.TruncateSequence(slot.Sequence, 0);
                    slot.Cached.Clear();
                    Fail(slot, active, error);
                }
            }

            return true;
        }

        foreach (var (slot, index) in _outputs)
        {
            if (slot.Active is { } active)
            {
                Accept(slot, active, active.Sampler.Sample(_context, index));
            }
        }

        return true;
    }

    private void Accept(SequenceSlot slot, ActiveGeneration active, int token)
    {
        if (active.Generated == 0)
        {
            active.TimeToFirstToken = active.Clock.Elapsed;
        }

        if (_model.IsEndOfGeneration(token) && !active.Request.IgnoreEndOfGeneration)
        {
            Finish(slot, active, FinishReason.Stop);
            return;
        }

        active.Generated++;
        var n = _model.TokenToPiece(token, _piece);
        var text = active.Stops.Push(active.DecodePiece(_piece.AsSpan(0, n)));
        if (text.Length > 0)
        {
            active.Output.Writer.TryWrite(new GenerationChunk(text));
        }

        if (active.Stops.Stopped)
        {
            Finish(slot, active, FinishReason.Stop);
        }
        else if (active.Generated >= active.Request.MaxTokens || slot.Cached.Count + 1 >= SequenceContextLength)
        {
            Finish(slot, active, FinishReason.Length);
        }
        else
        {
            active.PendingToken = token;
        }
    }

    private void Finish(SequenceSlot slot, ActiveGeneration active, FinishReason reason)
    {
        var rest = active.Stops.Stopped ? string.Empty : active.Stops.Flush();
        var summary = new GenerationSummary(reason, active.Prompt.Length, active.Generated, active.ReusedTokens,
            active.TimeToFirstToken, active.Clock.Elapsed);
        active.Output.Writer.TryWrite(new GenerationChunk(rest, summary));
        active.Output.Writer.TryComplete();
        Release(slot, active);
    }

    private void Fail(SequenceSlot slot, ActiveGeneration active, Exception error)
    {
        active.Output.Writer.TryComplete(error);
        Release(slot, active);
    }

    private void Release(SequenceSlot slot, ActiveGeneration active)
    {
        active.Sampler.Dispose();
        slot.Active = null;
        slot.LastUsed = ++_clock;
    }
}
