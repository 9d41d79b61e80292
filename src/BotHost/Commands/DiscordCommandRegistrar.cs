using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Commands;

/// <summary>
/// At start, overwrites the Discord application's commands (globally, or in one guild) with <c>/council</c> when the
/// connector is enabled with a bot token and an application id. Rate limits are waited out by the platform HTTP
/// pipeline; an API that stays down is tried again a few times; a refusal (bad token, wrong application) is logged
/// and the host keeps running, since everything but the command list still works.
/// </summary>
internal sealed class DiscordCommandRegistrar(
    DiscordRestClient api,
    IOptions<DiscordApiOptions> discord,
    IOptions<DiscordCommandOptions> options,
    TimeProvider time,
    ILogger<DiscordCommandRegistrar> logger) : BackgroundService
{
    internal const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = discord.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (!options.Value.Register)
        {
            Log.RegistrationSkipped(logger, "Connectors:Discord:Commands:Register is false");
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.ApplicationId))
        {
            Log.RegistrationSkipped(logger, "set Connectors:Discord:ApplicationId (General Information in the developer portal) to register /council");
            return;
        }

        var guild = options.Value.GuildId;
        var scope = guild is null ? "globally" : $"in guild {guild}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var count = await api.OverwriteCommandsAsync(settings.ApplicationId, guild, CouncilCommand.DiscordDefinition(), stoppingToken);
                Log.Registered(logger, scope, count);
                return;
            }
            catch (ChatPlatformException e) when (e.IsTransient && attempt < MaxAttempts && !stoppingToken.IsCancellationRequested)
            {
                var delay = e.RetryAfter ?? TimeSpan.FromSeconds(Math.Min(60, 2 << attempt));
                Log.RegistrationRetrying(logger, e, attempt, delay);
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (ChatPlatformException e)
            {
                Log.RegistrationFailed(logger, e, e.Message);
                return;
            }
        }
    }
}
