using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatCouncil.BotHost.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        return options.Provider switch
        {
            StorageProvider.Sqlite => ValidateSqlite(options),
            StorageProvider.Postgres => ValidatePostgres(options),
            _ => ValidateOptionsResult.Fail(
                $"Storage:Provider '{options.Provider}' is not supported; use 'sqlite' or 'postgres'."),
        };
    }

    private static ValidateOptionsResult ValidateSqlite(StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.SqlitePath)
            ? ValidateOptionsResult.Fail(
                "Storage:SqlitePath is empty. Set it to a database file such as 'data/chatcouncil.db', or remove it to use that default.")
            : ValidateOptionsResult.Success;

    private static ValidateOptionsResult ValidatePostgres(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Storage:ConnectionString is required when Storage:Provider is 'postgres', for example " +
                "'Host=localhost;Username=chatcouncil;Password=...;Database=chatcouncil'.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail("Storage:ConnectionString names no Host; add 'Host=<server>'.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // The message names the bad keyword only; the connection string itself may hold a password.
            return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid PostgreSQL connection string: {ex.Message}");
        }
    }
}
