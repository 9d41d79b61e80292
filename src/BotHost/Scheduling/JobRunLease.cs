namespace ChatCouncil.BotHost.Scheduling;

internal static class JobRunLease
{
    /// <summary>
    /// The lease a job firing every <paramref name="interval"/> takes: a little shorter than the interval, so that the
    /// next firing, on whichever host, finds it expired even when it comes a moment early against the database clock.
    /// </summary>
    public static TimeSpan PeriodFor(TimeSpan interval) =>
        interval - TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, TimeSpan.FromMinutes(1).Ticks));
}
