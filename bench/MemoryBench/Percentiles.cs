namespace ChatCouncil.MemoryBench;

internal static class Percentiles
{
    public static double Of(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
}
