namespace Isms.Knowledge.Parsing;

/// <summary>A node of the numbering tree while parsing: a heading, a clause, or both.</summary>
internal sealed class PolicyNode(PolicyLine? line, PolicyNode? parent)
{
    private readonly List<object> _segments = []; // string (a text line) or List<string> (a table row)
    private bool _lastWasTable;

    public PolicyLine? Line { get; } = line;
    public PolicyNode? Parent { get; } = parent;
    public List<PolicyNode> Children { get; } = [];
    public int Level => Line?.Level ?? 0;

    /// <summary>Heading text when the marker line is a title ("(2) 情報資産の管理"), else null.</summary>
    public string? Title { get; set; }

    /// <summary>True while the last text line was cut by a page break and the next line continues it.</summary>
    public bool Open { get; set; }

    public bool HasText => _segments.Count > 0;

    public string LastText => _segments.Count > 0 && _segments[^1] is string s ? s : "";

    public void AppendText(string line, bool continuation)
    {
        if (continuation && _segments.Count > 0 && _segments[^1] is string last)
            _segments[^1] = TextRepair.JoinBroken(last, line);
        else
            _segments.Add(line);
        _lastWasTable = false;
    }

    public void AppendRow(List<string> cells)
    {
        // A cell cut by a page break continues at the start of the same column in the next row.
        if (_lastWasTable && _segments[^1] is List<string> previous && previous.Count > 0 && cells.Count > 0)
        {
            var prevLast = previous[^1];
            var cur = cells[^1];
            if (prevLast.Length > 0 && "のへをにがとでや、".Contains(prevLast[^1]) && !cur.StartsWith('・'))
            {
                var cut = cur.IndexOf('・');
                var moved = cut < 0 ? cur : cur[..cut];
                previous[^1] = prevLast + moved.Trim();
                cells[^1] = cut < 0 ? "" : cur[cut..];
                if (cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
            }
        }
        _segments.Add(cells);
        _lastWasTable = true;
    }

    public bool LastWasTable => _lastWasTable;

    /// <summary>A short item with neither body nor children ("① 関係者の連絡先") is a clause whose text is that line.</summary>
    public void DemoteLeafTitles()
    {
        foreach (var child in Children) child.DemoteLeafTitles();
        if (Title is { Length: > 0 } && !HasText && Children.Count == 0 && Line?.Kind is LineKind.Number or LineKind.Circled or LineKind.Katakana)
        {
            _segments.Add(Title);
            Title = null;
        }
    }

    public string OwnText => string.Join("\n", _segments.Select(s => s is string t ? t : string.Join(" | ", (List<string>)s)));
}
