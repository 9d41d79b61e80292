using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// One JSON object per line on the console, scopes included (RequestId among them), UTC timestamps; error
    /// responses (ProblemDetails) carry the request id too.
    /// </summary>
    public static IHostApplicationBuilder AddStructuredLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails += context =>
            context.ProblemDetails.Extensions.TryAdd("requestId", context.HttpContext.TraceIdentifier));
        return builder;
    }

    /// <summary>Put first, so that every response (a 401 too) carries the request id.</summary>
    public static WebApplication UseRequestId(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestIdMiddleware>();
        return app;
    }
}
