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
}
