namespace ChatCouncil.BotHost.Inbox;

/// <summary>The stream of a turn whose platform does not stream: shows nothing.</summary>
internal sealed class NoAnswerProgress : IAnswerProgress
{
    public static readonly NoAnswerProgress Instance = new();

    public Task UpdateAsync(string answerSoFar, CancellationToken cancellationToken) => Task.CompletedTask;
}
