using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Answers;

/// <summary>
/// The rows of a clause's tables that answer a question, written out as plain text: an answer quoting a whole table
/// (別表2 is twelve rows by four columns) is unreadable in a chat, while the row asked about (破棄の方法) with the row
/// that names the kinds of information (情報の凡例) answers at a glance.
/// </summary>
public static class TableRows
{
    /// <summary>True for a line of a table (cells split by " | ") or its caption (【…】).</summary>
    public static bool IsTableLine(string line) => Passages.IsTableRow(line) || Passages.IsCaption(line);

    /// <summary>
    /// Up to <paramref name="max"/> data rows that share the most character pairs with <paramref name="question"/>
    /// (its words and their policy terms), in table order, each as 「行見出し: 列見出し 値 / …」; empty when none shares any.
    /// </summary>
    public static IReadOnlyList<string> Answering(string clauseText, string question, int max = 2)
    {
        var asked = Bigrams(question);
        var rows = new List<(int Order, HashSet<string> Shared, string Text)>();
        foreach (var table in Passages.Tables(clauseText))
            foreach (var (line, cells) in table.RowLines.Zip(table.Rows))
            {
                var shared = Bigrams(line).Where(asked.Contains).ToHashSet(StringComparer.Ordinal);
                // The row the question names (重要度II, 機密性2) counts whatever else it shares.
                if (NamesLabel(question, cells[0])) shared.Add(LabelMark + cells[0]);
                if (shared.Count > 0) rows.Add((rows.Count, shared, Render(table.Header, cells)));
            }
        // A pair every row has (情報) tells rows apart less than one only a few have (暗号, 性2). Rows are taken for what
        // they add: the row of the kind asked about (情報の凡例) and the row of the rule asked about (暗号化), not two
        // rows that match the same words.
        var rowsWith = rows.SelectMany(r => r.Shared).GroupBy(b => b).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<(int Order, string Text)>();
        while (chosen.Count < max)
        {
            var next = rows.Where(r => chosen.All(c => c.Order != r.Order))
                .Select(r => (r.Order, r.Text, r.Shared, Score: r.Shared.Where(b => !covered.Contains(b)).Sum(b => b.StartsWith(LabelMark) ? LabelWeight : 1.0 / rowsWith[b])))
                .OrderByDescending(r => r.Score).ThenBy(r => r.Order).FirstOrDefault();
            if (next.Text is null || next.Score < MinGain) break;
            chosen.Add((next.Order, next.Text));
            covered.UnionWith(next.Shared);
        }
        return chosen.OrderBy(c => c.Order).Select(c => c.Text).ToList();
    }

    // At least one character pair no other row has, or two that one other row shares.
    private const double MinGain = 1.0;

    private const string LabelMark = "\u0001";
    private const double LabelWeight = 3.0;

    // The label as a word of its own: 「重要度IIって」 names II, not I; 「機密性2の」 names 機密性2, not 機密性2A.
    private static bool NamesLabel(string question, string label)
    {
        if (label.Length == 0) return false;
        for (var at = question.IndexOf(label, StringComparison.OrdinalIgnoreCase); at >= 0; at = question.IndexOf(label, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + label.Length;
            if ((at == 0 || !IsLabelChar(question[at - 1])) && (end == question.Length || !IsLabelChar(question[end]))) return true;
        }
        return false;
    }

    private static bool IsLabelChar(char c) => char.IsAsciiLetterOrDigit(c) || c is >= 'Ⅰ' and <= 'Ⅻ';

    /// <summary>The table's caption (【情報資産の取扱いに関する重要度】 → 情報資産の取扱いに関する重要度), or null.</summary>
    public static string? Caption(string clauseText) =>
        clauseText.Split('\n').FirstOrDefault(Passages.IsCaption)?.Trim().Trim('【', '】');

    private static string Render(string[] header, string[] cells)
    {
        var values = cells.Skip(1).Select(Short).Select((value, i) => i + 1 < header.Length && header[i + 1].Length > 0 ? $"{header[i + 1]} {value}" : value);
        return $"{cells[0]}: {string.Join(" / ", values)}";
    }

    // A long cell (a classification criterion) is kept to its opening; the whole clause is one tap away.
    private static string Short(string cell) => cell.Length <= MaxCell ? cell : cell[..MaxCell] + "…";

    private const int MaxCell = 70;

    private static HashSet<string> Bigrams(string text)
    {
        var chars = text.Where(c => !char.IsWhiteSpace(c) && c != '|' && !"、。・()（）".Contains(c)).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++) set.Add(new string(chars, i, 2));
        return set;
    }
}
