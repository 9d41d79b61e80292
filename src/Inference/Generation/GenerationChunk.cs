namespace ChatCouncil.Inference.Generation;

/// <summary>A piece of streamed text; the last chunk of a generation carries the summary.</summary>
public sealed record GenerationChunk(string Text, GenerationSummary? Summary = null);
