using System.CommandLine;
using System.Data.Common;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.BotHost.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>
/// <c>keys create --name N --scopes chat,read</c>, <c>keys list</c>, <c>keys revoke ID</c>, on the same storage
/// configuration as the web host (appsettings.json, environment variables). The key is printed once, by create.
/// </summary>
internal static class KeysCommandLine
{
    public static bool IsKeysCommand(string[] args) => args is ["keys", ..];

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, configuration: null, Console.Out, Console.Error, CancellationToken.None);

    // configuration is added after the default sources, so it wins: tests point it at a temporary database.
    public static async Task<int> RunAsync(
        string[] args, IConfiguration? configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var storage = new StorageSession(configuration);
        var root = new RootCommand("ChatCouncil bot host") { Subcommands = { BuildKeysCommand(storage, output) } };
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await root.Parse(args).InvokeAsync(invocation, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or OptionsValidationException or DbException or InvalidOperationException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    private static Command BuildKeysCommand(StorageSession storage, TextWriter output)
    {
        var keys = new Command("keys", "Manage the API keys that clients send as 'Authorization: Bearer <key>'.");

        var name = new Option<string>("--name") { Description = "What the key is for, e.g. 'ci' or 'alice laptop'.", Required = true };
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated: read, chat, admin.", Required = true };
        var create = new Command("create", "Create a key and print it once.") { name, scopes };
        create.SetAction(async (parse, ct) =>
        {
            if (!Scopes.TryNormalize(parse.GetRequiredValue(scopes).Split(','), out var requested, out var problem))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {problem}");
                return 1;
            }

            var store = await storage.OpenAsync(ct);
            var created = await store.CreateAsync(parse.GetRequiredValue(name), requested, ct);
            await output.WriteLineAsync(
                $"Created key {created.Info.Id} '{created.Info.Name}' with scopes {string.Join(",", created.Info.Scopes)}. " +
                "It is shown only this once:");
            await output.WriteLineAsync(created.Key);
            return 0;
        });

        var list = new Command("list", "List keys (ids, names, scopes, dates; never secrets).");
        list.SetAction(async (_, ct) =>
        {
            var store = await storage.OpenAsync(ct);
            await output.WriteAsync(KeyTable.Format(await store.ListAsync(ct)));
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The key id, as shown by 'keys list' (the part after 'cc_')." };
        var revoke = new Command("revoke", "Revoke a key; requests with it get 401 from now on.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            var store = await storage.OpenAsync(ct);
            var keyId = parse.GetRequiredValue(id);
            if (!await store.RevokeAsync(keyId, ct))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: no key has the id '{keyId}'.");
                return 1;
            }

            await output.WriteLineAsync($"Revoked key {keyId}.");
            return 0;
        });

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        return keys;
    }

    /// <summary>Builds the storage services only when a command needs them, so --help touches no database.</summary>
    private sealed class StorageSession(IConfiguration? configuration) : IAsyncDisposable
    {
        private IHost? _host;

        public async ValueTask DisposeAsync()
        {
            if (_host is IAsyncDisposable host)
            {
                await host.DisposeAsync();
            }
        }

        public async Task<IApiKeyStore> OpenAsync(CancellationToken cancellationToken)
        {
            _host ??= Build(configuration);
            await _host.Services.GetRequiredService<IStorageMigrator>().MigrateAsync(cancellationToken);
            return _host.Services.GetRequiredService<IApiKeyStore>();
        }

        private static IHost Build(IConfiguration? configuration)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                Args = [],
                ContentRootPath = Directory.GetCurrentDirectory(),
                // The web host also honours ASPNETCORE_ENVIRONMENT; so must its CLI, to read the same appsettings.
                EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                    ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"),
            });
            if (configuration is not null)
            {
                builder.Configuration.AddConfiguration(configuration);
            }

            // Diagnostics go to stderr only, so stdout carries just the command's answer.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddStorage();
            builder.Services.AddApiKeyStore();
            var host = builder.Build();
            _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value; // validates, with the same messages as at start
            return host;
        }
    }
}
