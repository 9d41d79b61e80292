using System.Globalization;

namespace ChatCouncil.Inference.Tests.Grammar;

/// <summary>
/// A small GBNF interpreter for tests: parses one rule per line (the converter's output form) and
/// says whether a whole text matches <c>root</c>. Literals, classes (ranges, negation, escapes),
/// groups, alternatives and the postfixes * + ? {m} {m,} {m,n}. It explores every parse, so it is
/// exact for ambiguous grammars, and meant for short texts.
/// </summary>
public sealed class GbnfMatcher
{
    private abstract record Node;
    private sealed record Seq(List<Node> Items) : Node;
    private sealed record Alt(List<Node> Options) : Node;
    private sealed record Lit(string Text) : Node;
    private sealed record Class(List<(char From, char To)> Ranges, bool Negated) : Node;
    private sealed record Ref(string Name) : Node;
    private sealed record Rep(Node Item, int Min, int? Max) : Node;

    private readonly Dictionary<string, Node> _rules = new(StringComparer.Ordinal);
    private readonly string _text = "";
    private int _at;

    public GbnfMatcher(string grammar)
    {
        foreach (var line in grammar.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var split = line.IndexOf(" ::= ", StringComparison.Ordinal);
            Assert.True(split > 0, $"not a rule line: {line}");
            (_text, _at) = (line, split + 5);
            var body = ParseAlt();
            Assert.True(_at == _text.Length, $"trailing text at {_at} in: {line}");
            Assert.True(_rules.TryAdd(line[..split], body), $"duplicate rule {line[..split]}");
        }

        foreach (var name in References(_rules.Values))
        {
            Assert.True(_rules.ContainsKey(name), $"rule '{name}' is used but not defined");
        }
    }

    public IReadOnlyCollection<string> RuleNames => _rules.Keys;

    public bool Matches(string input) => new Run(this, input).Match(new Ref("root"), 0).Contains(input.Length);

    private Node ParseAlt()
    {
        var options = new List<Node> { ParseSeq() };
        while (Peek() == '|')
        {
            _at++;
            options.Add(ParseSeq());
        }

        return options.Count == 1 ? options[0] : new Alt(options);
    }

    private Node ParseSeq()
    {
        var items = new List<Node>();
        while (Peek() is char c && c != '|' && c != ')')
        {
            var item = ParseItem(c);
            while (Peek(skipSpace: false) is '*' or '+' or '?' or '{')
            {
                item = ParsePostfix(item);
            }

            items.Add(item);
        }

        return items.Count == 1 ? items[0] : new Seq(items);
    }

    private Node ParseItem(char c)
    {
        _at++;
        switch (c)
        {
            case '"':
                var text = new List<char>();
                while (_text[_at] != '"')
                {
                    text.Add(ParseChar());
                }

                _at++;
                return new Lit(new string([.. text]));
            case '[':
                var negated = _text[_at] == '^';
                _at += negated ? 1 : 0;
                var ranges = new List<(char, char)>();
                while (_text[_at] != ']')
                {
                    var from = ParseChar();
                    var to = _text[_at] == '-' && _text[_at + 1] != ']' ? ParseRangeEnd() : from;
                    ranges.Add((from, to));
                }

                _at++;
                return new Class(ranges, negated);
            case '(':
                var group = ParseAlt();
                Assert.Equal(')', Peek());
                _at++;
                return group;
            default:
                var start = _at - 1;
                while (_at < _text.Length && (char.IsAsciiLetterOrDigit(_text[_at]) || _text[_at] == '-'))
                {
                    _at++;
                }

                Assert.True(_at > start && (char.IsAsciiLetterOrDigit(c) || c == '-'), $"unexpected '{c}' in {_text}");
                return new Ref(_text[start.._at]);
        }
    }

    private char ParseRangeEnd()
    {
        _at++;
        return ParseChar();
    }

    private Rep ParsePostfix(Node item)
    {
        var c = _text[_at++];
        if (c != '{')
        {
            return new Rep(item, c == '+' ? 1 : 0, c == '?' ? 1 : null);
        }

        var close = _text.IndexOf('}', _at);
        var parts = _text[_at..close].Split(',');
        _at = close + 1;
        var min = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? max = parts.Length == 1 ? min : parts[1].Length == 0 ? null : int.Parse(parts[1], CultureInfo.InvariantCulture);
        return new Rep(item, min, max);
    }

    private char ParseChar()
    {
        var c = _text[_at++];
        if (c != '\\')
        {
            return c;
        }

        c = _text[_at++];
        var hexLength = c switch { 'x' => 2, 'u' => 4, _ => 0 };
        if (hexLength > 0)
        {
            _at += hexLength;
            return (char)int.Parse(_text.AsSpan(_at - hexLength, hexLength), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return c switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => c };
    }

    private char? Peek(bool skipSpace = true)
    {
        while (skipSpace && _at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }

        return _at < _text.Length ? _text[_at] : null;
    }

    private static IEnumerable<string> References(IEnumerable<Node> nodes) => nodes.SelectMany(node => node switch
    {
        Ref r => [r.Name],
        Seq s => References(s.Items),
        Alt a => References(a.Options),
        Rep r => References([r.Item]),
        _ => [],
    });

    /// <summary>One match attempt: end positions reachable from each start, memoized per rule.</summary>
    private sealed class Run(GbnfMatcher grammar, string input)
    {
        private readonly Dictionary<(string, int), HashSet<int>> _memo = [];

        public HashSet<int> Match(Node node, int pos) => node switch
        {
            Lit l => pos + l.Text.Length <= input.Length && string.CompareOrdinal(input, pos, l.Text, 0, l.Text.Length) == 0 ? [pos + l.Text.Length] : [],
            Class c => pos < input.Length && c.Ranges.Any(r => input[pos] >= r.From && input[pos] <= r.To) != c.Negated ? [pos + 1] : [],
            Seq s => s.Items.Aggregate(new HashSet<int> { pos }, (ends, item) => [.. ends.SelectMany(e => Match(item, e))]),
            Alt a => [.. a.Options.SelectMany(o => Match(o, pos))],
            Rep r => Repeat(r, pos),
            Ref r => MatchRule(r.Name, pos),
            _ => throw new InvalidOperationException(),
        };

        private HashSet<int> MatchRule(string name, int pos)
        {
            if (!_memo.TryGetValue((name, pos), out var ends))
            {
                _memo[(name, pos)] = []; // a left-recursive grammar would loop; ours never are
                _memo[(name, pos)] = ends = Match(grammar._rules[name], pos);
            }

            return ends;
        }

        private HashSet<int> Repeat(Rep rep, int pos)
        {
            HashSet<int> result = rep.Min == 0 ? [pos] : [];
            HashSet<int> frontier = [pos], seen = [pos];
            for (var count = 1; frontier.Count > 0 && (rep.Max is null || count <= rep.Max); count++)
            {
                frontier = [.. frontier.SelectMany(p => Match(rep.Item, p))];
                if (count >= rep.Min)
                {
                    result.UnionWith(frontier);
                    if (rep.Max is null)
                    {
                        frontier.ExceptWith(seen);
                        seen.UnionWith(frontier);
                    }
                }
            }

            return result;
        }
    }
}
