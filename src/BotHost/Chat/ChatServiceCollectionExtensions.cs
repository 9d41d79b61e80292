namespace ChatCouncil.BotHost.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>Stored chat turns for /predict and /ws/chat.</summary>
    public static IHostApplicationBuilder AddChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ChatTurnService>();
        builder.Services.AddSingleton<ChatSocketSession.Factory>();
        return builder;
    }
}
