using ChatCouncil.BotHost.Inbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    /// <summary>Inbound Slack, Discord and GitHub webhooks (section <c>Webhooks</c>) feeding the durable inbox.</summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddInbox();
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        return builder;
    }
}
