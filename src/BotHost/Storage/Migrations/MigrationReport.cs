namespace ChatCouncil.BotHost.Storage.Migrations;

public sealed record MigrationReport(int FromVersion, int ToVersion, IReadOnlyList<int> Applied);
