using ChatCouncil.BotHost.ApiDocs;
using ChatCouncil.BotHost.Approvals;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Chat;
using ChatCouncil.BotHost.Commands;
using ChatCouncil.BotHost.Conversations;
using ChatCouncil.BotHost.Health;
using ChatCouncil.BotHost.Hosting;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Logging;
using ChatCouncil.BotHost.Memory;
using ChatCouncil.BotHost.Models;
using ChatCouncil.BotHost.Predict;
using ChatCouncil.BotHost.Scheduling;
using ChatCouncil.BotHost.SocketMode;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors;
using ChatCouncil.BotHost.Webhooks;

if (KeysCommandLine.IsKeysCommand(args))
{
    return await KeysCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnLoopbackByDefault();
builder.AddStructuredLogging();
builder.AddJsonDefaults();
builder.AddStorage();
builder.AddApiKeyAuthentication();
builder.AddApiDocumentation();
builder.AddModels();
builder.AddChat();
builder.AddMemory();
builder.AddConnectors();
builder.AddApprovals();
builder.AddCommands();
builder.AddWebhooks();
builder.AddSocketMode();
builder.AddScheduling();

var app = builder.Build();
app.UseRequestId();
// Routing comes before the rest so that short-circuited endpoints (the platform webhooks) skip it.
app.UseRouting();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseWebSockets();
app.UseApiKeyAuthentication();

app.MapHealthEndpoints();
app.MapApiDocumentation();
app.MapMeEndpoints();
app.MapKeyEndpoints();
app.MapModelEndpoints();
app.MapPredictEndpoints();
app.MapChatSocketEndpoints();
app.MapConversationEndpoints();
app.MapWebhookEndpoints();
app.MapInboxEndpoints();
app.MapApprovalEndpoints();
app.MapMemoryEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
