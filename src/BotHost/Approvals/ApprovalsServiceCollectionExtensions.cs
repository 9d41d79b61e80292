using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCouncil.BotHost.Approvals;

public static class ApprovalsServiceCollectionExtensions
{
    /// <summary>
    /// Approval requests (section <c>Approvals</c>): the store on the configured provider, <see cref="ApprovalService"/>
    /// and the turn handler that takes decision clicks and commands. Needs <c>AddStorage</c> and <c>AddConnectors</c>.
    /// </summary>
    public static IHostApplicationBuilder AddApprovals(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ApprovalService)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddProviderSingleton<IApprovalStore, SqliteApprovalStore, PostgresApprovalStore>();
        services.AddSingleton<ApprovalMessageCloser>();
        services.AddSingleton<ApprovalService>();

        services.AddSingleton<ITurnHandler, ApprovalTurnHandler>();
        return builder;
    }
}
