using ChatCouncil.BotHost.ApiDocs;
using ChatCouncil.BotHost.Auth;
using ChatCouncil.BotHost.Auth.Keys;
using ChatCouncil.BotHost.Health;
using ChatCouncil.BotHost.Hosting;
using ChatCouncil.BotHost.Logging;
using ChatCouncil.BotHost.Storage;

if (KeysCommandLine.IsKeysCommand(args))
{
    return await KeysCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.ListenOnLoopbackByDefault();
builder.AddStructuredLogging();
builder.AddStorage();
builder.AddApiKeyAuthentication();
builder.AddApiDocumentation();

var app = builder.Build();
app.UseRequestId();
app.UseWebSockets();
app.UseApiKeyAuthentication();

app.MapHealthEndpoints();
app.MapApiDocumentation();
app.MapMeEndpoints();
app.MapKeyEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
