using System.Text;

namespace ChatCouncil.Inference.Grammar;

/// <summary>The rules of one grammar being built: unique names, primitives on demand, rendering.</summary>
internal sealed class GbnfRuleSet
{
    private readonly Dictionary<string, string?> _rules = new(StringComparer.Ordinal);

    public static string ForPrimitive(string name)
    {
        var rules = new GbnfRuleSet();
        rules.Define(rules.Reserve("root"), rules.Primitive(name));
        return rules.Render();
    }

    /// <summary>Claims a rule name derived from <paramref name="hint"/>, unique within the grammar.</summary>
    public string Reserve(string hint)
    {
        var baseName = Sanitize(hint);
        var name = baseName;
        for (var i = 1; _rules.ContainsKey(name) || GbnfPrimitives.Rules.ContainsKey(name); i++)
        {
            name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _rules.Add(name, null);
        return name;
    }

    public void Define(string name, string body) => _rules[name] = body;

    /// <summary>Adds a rule, or returns the name of an identical rule made from the same hint.</summary>
    public string Add(string hint, string body)
    {
        var baseName = Sanitize(hint);
        if (!GbnfPrimitives.Rules.ContainsKey(baseName) && _rules.TryGetValue(baseName, out var existing) && existing == body)
        {
            return baseName;
        }

        var name = Reserve(hint);
        Define(name, body);
        return name;
    }

    /// <summary>Adds a shared primitive rule (and the rules it uses) and returns its name.</summary>
    public string Primitive(string name)
    {
        if (_rules.ContainsKey(name))
        {
            return name;
        }

        var (body, uses) = GbnfPrimitives.Rules[name];
        _rules.Add(name, body);
        foreach (var used in uses)
        {
            Primitive(used);
        }

        return name;
    }

    /// <summary>Renders <c>root</c> first, then the other rules in ordinal order.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var name in _rules.Keys.Order(StringComparer.Ordinal).OrderBy(n => n != "root"))
        {
            var body = _rules[name] ?? throw new InvalidOperationException($"Rule '{name}' was reserved but never defined.");
            text.Append(name).Append(" ::= ").Append(body).Append('\n');
        }

        return text.ToString();
    }

    private static string Sanitize(string hint)
    {
        var name = new StringBuilder(hint.Length);
        foreach (var c in hint)
        {
            // Anything else becomes one hyphen; uniqueness is Reserve's job, not the name's.
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var result = name.ToString().Trim('-');
        return result.Length == 0 ? "rule" : result;
    }
}
