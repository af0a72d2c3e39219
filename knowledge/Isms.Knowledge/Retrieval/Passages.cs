namespace Isms.Knowledge.Retrieval;

/// <summary>A piece of a clause that is indexed on its own: the whole clause, or one row of a table in it.</summary>
public sealed record Passage(int ClauseOrdinal, string Text, bool IsWholeClause);

/// <summary>
/// Splits clauses into passages. A table (別表2, the 2(1) classification tables) answers a question with one row
/// (外部への転送 → 原則として禁止), which the whole table's length would drown: each row is a passage of its own,
/// prefixed with the table's caption and header so it keeps its meaning.
/// </summary>
public static class Passages
{
    public static IReadOnlyList<Passage> Of(IReadOnlyList<Clause> clauses)
    {
        var result = new List<Passage>();
        for (var i = 0; i < clauses.Count; i++)
        {
            result.Add(new Passage(i, clauses[i].Text, true));
            result.AddRange(TableRows(clauses[i].Text).Select(row => new Passage(i, row, false)));
            result.AddRange(TableColumns(clauses[i].Text).Select(column => new Passage(i, column, false)));
        }

        return result;
    }

    /// <summary>A table in a clause text: its caption (【…】 above it, kept until the next one), header and data rows.</summary>
    public sealed record Table(string Caption, string HeaderLine, IReadOnlyList<string> RowLines)
    {
        public string[] Header => Cells(HeaderLine);

        public IEnumerable<string[]> Rows => RowLines.Select(Cells);

        private static string[] Cells(string line) => line.Split(" | ").Select(c => c.Trim()).ToArray();
    }

    public static bool IsCaption(string line) => line.Trim() is var s && s.StartsWith('【') && s.EndsWith('】');

    public static bool IsTableRow(string line) => line.Contains(" | ", StringComparison.Ordinal);

    /// <summary>The tables of a clause text: runs of lines with " | ", the first line of each its header.</summary>
    public static IEnumerable<Table> Tables(string text)
    {
        string caption = "";
        string? header = null;
        var rows = new List<string>();
        foreach (var line in text.Split('\n').Append(""))
        {
            var s = line.Trim();
            if (IsTableRow(s))
            {
                if (header is null) header = s; else rows.Add(s);
                continue;
            }
            if (header is not null) yield return new Table(caption, header, rows.ToList());
            header = null;
            rows.Clear();
            if (IsCaption(s)) caption = s.Trim('【', '】');
        }
    }

    /// <summary>The rows of the tables in a clause text (lines with " | "), each with its caption and header.</summary>
    public static IEnumerable<string> TableRows(string text) =>
        Tables(text).SelectMany(t => t.RowLines.Select(row => $"{t.Caption} {t.HeaderLine}\n{row}"));

    /// <summary>
    /// The columns of a matrix table (a row label and three or more category columns, like 別表2's IV・III | II | I),
    /// each with its caption: a question about one category (公開された情報を捨てるとき) reads down its column, which
    /// joins the row that names the category (情報の凡例) to the rule it asks about (破棄の方法).
    /// </summary>
    public static IEnumerable<string> TableColumns(string text)
    {
        foreach (var table in Tables(text))
        {
            var header = table.Header;
            var rows = table.Rows.ToList();
            if (header.Length < 4 || rows.Count == 0) continue;
            for (var column = 1; column < header.Length; column++)
            {
                var j = column;
                var cells = rows.Where(r => r.Length > j).Select(r => $"{r[0]} {r[j]}");
                yield return $"{table.Caption} {header[0]} {header[j]}\n{string.Join("\n", cells)}";
            }
        }
    }
}
