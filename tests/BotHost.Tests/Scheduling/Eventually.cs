namespace ChatCouncil.BotHost.Tests.Scheduling;

internal static class Eventually
{
    /// <summary>Polls until the condition holds; fails the test after a generous deadline (not a timing assertion).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
