using System.Text.RegularExpressions;
using Isms.Knowledge.Parsing;

namespace Isms.Knowledge;

/// <summary>Parses the text of a 対策基準 (any edition laid out with the same numbering) into clauses.</summary>
public static partial class PolicyParser
{
    public static PolicyDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var (title, edition, bodyStart) = ReadFrontMatter(lines);
        var root = BuildTree(lines, bodyStart);
        var clauses = new List<Clause>();
        Collect(root, [], clauses);
        return new PolicyDocument(title, edition, clauses);
    }

    private static (string Title, string Edition, int BodyStart) ReadFrontMatter(string[] lines)
    {
        int editionLine = -1, chapterLine = -1, tocLine = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var s = lines[i].Trim();
            if (editionLine < 0 && EditionPattern().IsMatch(s)) editionLine = i;
            if (tocLine < 0 && s.Contains("目次")) tocLine = i;
            if (chapterLine < 0 && PolicyLine.Classify(s).Kind == LineKind.Chapter) { chapterLine = i; break; }
        }
        var edition = editionLine >= 0 ? Regex.Replace(lines[editionLine].Trim(), @"\s+", " ") : "";
        string title;
        int bodyStart;
        if (chapterLine >= 0)
        {
            title = PolicyLine.Classify(lines[chapterLine]).Content;
            bodyStart = chapterLine + 1;
        }
        else
        {
            var before = lines.Take(editionLine >= 0 ? editionLine : lines.Length).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            title = editionLine >= 0 && before.Count > 0 ? before[^1] : before.FirstOrDefault() ?? "";
            bodyStart = editionLine >= 0 ? editionLine + 1 : 1;
            if (tocLine >= 0) bodyStart = SkipTableOfContents(lines, tocLine);
        }
        return (TextRepair.CleanLine(title), edition, bodyStart);
    }

    // Without a chapter line, the body starts where the first section number appears for the second time.
    private static int SkipTableOfContents(string[] lines, int tocLine)
    {
        string? firstMarker = null;
        for (var i = tocLine + 1; i < lines.Length; i++)
        {
            var pl = PolicyLine.Classify(lines[i]);
            if (pl.Kind != LineKind.Section) continue;
            if (firstMarker is null) firstMarker = pl.Marker;
            else if (pl.Marker == firstMarker) return i;
        }
        return tocLine + 1;
    }

    private static PolicyNode BuildTree(string[] lines, int start)
    {
        var root = new PolicyNode(null, null);
        var preamble = new PolicyNode(new PolicyLine(LineKind.Text, "前文", "", ""), root);
        var stack = new Stack<PolicyNode>();
        stack.Push(root);
        var current = preamble;
        var nonEmpty = lines.Skip(start).Where(l => l.Trim().Length > 0).ToList();
        for (var i = 0; i < nonEmpty.Count; i++)
        {
            var pl = PolicyLine.Classify(nonEmpty[i]);
            if (pl.Kind == LineKind.Chapter) continue;
            if (pl.IsNumbered)
            {
                while (stack.Peek().Level >= pl.Level) stack.Pop();
                var node = new PolicyNode(pl, stack.Peek());
                stack.Peek().Children.Add(node);
                stack.Push(node);
                current = node;
                StartNode(node, pl);
                continue;
            }
            if (pl.Kind == LineKind.TableRow)
            {
                var cells = pl.Content.Split('\t').Select(TextRepair.CleanLine).ToList();
                while (cells.Count > 0 && cells[^1].Length == 0) cells.RemoveAt(cells.Count - 1);
                if (cells.Count > 0 && !cells.All(c => c.Trim('-', '─', ' ').Length == 0)) current.AppendRow(cells);
                continue;
            }
            var content = pl.Content;
            if (content.Length == 0) continue;
            if (TextRepair.IsRepeatedTail(current.LastText, content)) continue;
            var nextIsTable = i + 1 < nonEmpty.Count && PolicyLine.Classify(nonEmpty[i + 1]).Kind == LineKind.TableRow;
            if (nextIsTable && !TextRepair.EndsSentence(content))
            {
                current.AppendText($"【{content}】", continuation: false);
                continue;
            }
            var continues = current.HasText && !current.LastWasTable && !content.StartsWith('・') && !TextRepair.EndsSentence(current.LastText);
            current.AppendText(content, continues);
        }
        if (preamble.HasText) root.Children.Insert(0, preamble);
        root.DemoteLeafTitles();
        return root;
    }

    private static void StartNode(PolicyNode node, PolicyLine pl)
    {
        var content = pl.Content;
        if (pl.Kind is LineKind.Section or LineKind.Subsection or LineKind.Appendix) { node.Title = content; return; }
        if (pl.Kind == LineKind.Note) { node.AppendText(content, false); return; }
        if (content.Length == 0) { node.Title = ""; return; }
        if (IsHeadingLike(content)) { node.Title = content; return; }
        node.AppendText(content, false);
    }

    // A title is short and is not a sentence; a long line without 。 is a sentence cut by a page break.
    private static bool IsHeadingLike(string content) =>
        !TextRepair.EndsSentence(content) && !content.Contains("は、") && Bracketed().Replace(content, "").Length <= 38;

    private static void Collect(PolicyNode node, List<string> path, List<Clause> output)
    {
        foreach (var child in node.Children)
        {
            var line = child.Line!;
            if (child.HasText)
            {
                List<string> clausePath = line.Kind == LineKind.Note ? ["注記"]
                    : child.Title is null ? path.ToList() : [.. path, FormatHeading(line, child.Title)];
                output.Add(new Clause(BuildId(child), clausePath, TextWithItems(child)));
            }
            var childPath = path.ToList();
            if (child.Title is not null) childPath.Add(FormatHeading(line, child.Title));
            else if (child.HasText && line.Kind is not (LineKind.Text or LineKind.Note)) childPath.Add(FormatHeading(line, child.OwnText));
            else if (line.Kind == LineKind.Note) childPath.Add("注記");
            Collect(child, childPath, output);
        }
    }

    // A lead-in ending in 以下／次の…。 carries its short enumerated items, which stay clauses of their own.
    private static string TextWithItems(PolicyNode node)
    {
        var own = node.OwnText;
        if (node.Children.Count == 0 || !TextRepair.EndsSentence(own)) return own;
        var lastSentence = Bracketed().Replace(own, "").TrimEnd('。').Split('。')[^1];
        if (!lastSentence.Contains("以下") && !lastSentence.Contains("次の")) return own;
        var items = node.Children
            .Where(c => c.Title is { Length: > 0 } || (c.HasText && !TextRepair.EndsSentence(c.OwnText)))
            .Select(c => $"{c.Line!.Marker} {c.Title ?? c.OwnText}");
        return string.Join("\n", [own, .. items]);
    }

    private static string FormatHeading(PolicyLine line, string title) => line.Kind switch
    {
        LineKind.Section => $"{line.Marker}. {title}",
        LineKind.Subsection => $"{line.Marker}. {title}",
        LineKind.Note => "注記",
        _ => $"{line.Marker} {title}",
    };

    private static string BuildId(PolicyNode node)
    {
        var kind = node.Line!.Kind;
        if (kind == LineKind.Text) return "前文";
        if (kind == LineKind.Note) return "注記";
        var parts = new List<PolicyLine>();
        for (var n = node; n?.Line is not null; n = n.Parent) parts.Add(n.Line);
        parts.Reverse();
        if (parts[0].Kind == LineKind.Appendix) return parts[0].Marker;
        var id = "";
        foreach (var p in parts)
            id = p.Kind switch
            {
                LineKind.Section => p.Marker,
                LineKind.Subsection => p.Marker,
                _ => id + p.Marker,
            };
        return id;
    }

    [GeneratedRegex(@"^((令和|平成|昭和)\s*[0-9０-９元]+\s*年|[0-9]{4}\s*年)\s*[0-9０-９]+\s*月\s*[0-9０-９]+\s*日")]
    private static partial Regex EditionPattern();

    [GeneratedRegex(@"（[^）]*）|\([^)]*\)")]
    private static partial Regex Bracketed();
}
