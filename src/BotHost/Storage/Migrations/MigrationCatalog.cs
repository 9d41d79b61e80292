using System.Globalization;
using System.Reflection;
using System.Text;

namespace ChatCouncil.BotHost.Storage.Migrations;

/// <summary>
/// The schema scripts shipped in this assembly (embedded as <c>migrations/&lt;Provider&gt;/V###__name.sql</c>), in version
/// order; versions are distinct, not necessarily contiguous.
/// </summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<Migration> For(StorageProvider provider)
    {
        var prefix = $"migrations/{provider}/";
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..]))
            .OrderBy(m => m.Version)
            .ToList();

        // Versions are handed out to branches ahead of their merge, so one may ship before a lower one does (the
        // migrator applies every version not yet recorded, whatever its place); a repeated version is a merge mistake.
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version < 1 || (i > 0 && migrations[i].Version == migrations[i - 1].Version))
            {
                throw new InvalidOperationException(
                    $"The {provider} migrations must have distinct versions from 1 up; found V{migrations[i].Version} twice or out of range.");
            }
        }

        return migrations;
    }

    private static Migration Load(Assembly assembly, string resourceName, string fileName)
    {
        // File names look like V002__usage_columns_and_api_keys.sql.
        var separator = fileName.IndexOf("__", StringComparison.Ordinal);
        if (!fileName.StartsWith('V') || separator < 2 || !fileName.EndsWith(".sql", StringComparison.Ordinal)
            || !int.TryParse(fileName.AsSpan(1, separator - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration resource '{resourceName}' is not named V###__name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new Migration(version, fileName[(separator + 2)..^".sql".Length], reader.ReadToEnd());
    }
}
