using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCouncil.BotHost.Hosting;

public static class JsonDefaults
{
    /// <summary>Enums travel as camelCase strings ("loaded", not 2) in every JSON body.</summary>
    public static IHostApplicationBuilder AddJsonDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return builder;
    }
}
