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

    /// <summary>The rows of the tables in a clause text (lines with " | "), each with its caption and header.</summary>
    public static IEnumerable<string> TableRows(string text)
    {
        string caption = "", header = "";
        foreach (var line in text.Split('\n'))
        {
            var s = line.Trim();
            if (s.StartsWith('【') && s.EndsWith('】')) { caption = s.Trim('【', '】'); header = ""; continue; }
            if (!s.Contains(" | ", StringComparison.Ordinal)) { header = ""; continue; }
            if (header.Length == 0) { header = s; continue; }
            yield return $"{caption} {header}\n{s}";
        }
    }

    /// <summary>
    /// The columns of a matrix table (a row label and three or more category columns, like 別表2's IV・III | II | I),
    /// each with its caption: a question about one category (公開された情報を捨てるとき) reads down its column, which
    /// joins the row that names the category (情報の凡例) to the rule it asks about (破棄の方法).
    /// </summary>
    public static IEnumerable<string> TableColumns(string text)
    {
        string caption = "";
        string[]? header = null;
        var rows = new List<string[]>();
        foreach (var line in text.Split('\n').Append(""))
        {
            var s = line.Trim();
            if (s.Contains(" | ", StringComparison.Ordinal))
            {
                var cells = s.Split(" | ").Select(c => c.Trim()).ToArray();
                if (header is null) header = cells; else rows.Add(cells);
                continue;
            }
            if (header is { Length: >= 4 } && rows.Count > 0)
                for (var column = 1; column < header.Length; column++)
                {
                    var j = column;
                    var cells = rows.Where(r => r.Length > j).Select(r => $"{r[0]} {r[j]}");
                    yield return $"{caption} {header[0]} {header[j]}\n{string.Join("\n", cells)}";
                }
            header = null;
            rows.Clear();
            if (s.StartsWith('【') && s.EndsWith('】')) caption = s.Trim('【', '】');
        }
    }
}
