namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// Where a turn handler may show its answer while it is still being written (a streamed model answer). The inbox
/// edits the reply's first message at the platform's pace and later turns it into the final answer; a handler that
/// never calls it posts its answer whole, as before. Used by one handler for one turn: not thread-safe.
/// </summary>
public interface IAnswerProgress
{
    /// <summary>The whole answer so far (not a delta). Never throws for a platform failure: streaming is a courtesy.</summary>
    Task UpdateAsync(string answerSoFar, CancellationToken cancellationToken);
}
