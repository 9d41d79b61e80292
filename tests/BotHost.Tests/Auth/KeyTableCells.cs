using System.Data.Common;
using System.Globalization;
using System.Text;

namespace ChatCouncil.BotHost.Tests.Auth;

internal static class KeyTableCells
{
    public static async Task<IReadOnlyList<string>> ReadAsync(DbDataReader reader)
    {
        var cells = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                switch (reader.GetValue(i))
                {
                    case byte[] bytes:
                        cells.Add(Convert.ToHexStringLower(bytes));
                        cells.Add(Encoding.UTF8.GetString(bytes));
                        break;
                    case var value:
                        cells.Add(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                        break;
                }
            }
        }

        return cells;
    }
}
