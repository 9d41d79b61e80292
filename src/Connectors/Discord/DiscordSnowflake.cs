using System.Globalization;

namespace ChatCouncil.Connectors.Discord;

/// <summary>Discord ids are snowflakes: their top 42 bits are milliseconds since 2015-01-01.</summary>
internal static class DiscordSnowflake
{
    private const long DiscordEpochMilliseconds = 1_420_070_400_000;

    /// <summary>When the object with this id was created; null when the id is not a snowflake.</summary>
    public static DateTimeOffset? Time(string? id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var snowflake)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(snowflake >> 22) + DiscordEpochMilliseconds)
            : null;
}
