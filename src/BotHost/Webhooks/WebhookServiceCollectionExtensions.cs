using ChatCouncil.BotHost.Inbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Inbound Slack, Discord and GitHub webhooks (section <c>Webhooks</c>) feeding the durable inbox. The start fails when
    /// a way in (webhook, Socket Mode, Gateway) is on while its platform's reply connector is off.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddInbox();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, ReplyPathValidator>());
        return builder;
    }
}
