using System.Text.Json.Nodes;
using Isms.Knowledge;
using Isms.Workflows.Cards;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.Cards;

/// <summary>
/// The answer to a policy question: a short answer, then each cited clause with its ID, heading path and quoted
/// text, a button to read the whole clause, the edition, and 役に立った / 役に立たなかった.
/// </summary>
public static class AnswerCard
{
    /// <summary>Clauses shown on one card; more would bury the answer on a phone.</summary>
    public const int MaxCitations = 3;

    /// <summary>Characters of a clause quoted on the card; 全文を見る shows the rest.</summary>
    public const int QuoteLength = 220;

    public static JsonObject Create(PolicyAnswer answer, string answerId)
    {
        var card = new AdaptiveCard();
        // The summary comes as lines (the answer, 関連: lines, the 出典 line); a TextBlock would run them together.
        var lines = answer.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Where(l => !IsSourceLine(l)))
        {
            card.Add(TextBlock(CardText.Plain(line), line.StartsWith("関連:", StringComparison.Ordinal) ? TextTone.Help : TextTone.Default));
        }

        foreach (var citation in answer.Citations.Take(MaxCitations))
        {
            card.Add(CitationContainer(citation.Clause));
        }

        var source = TextBlock($"出典: {answer.DocumentTitle}（{answer.Edition}）", TextTone.Help);
        source["spacing"] = "Medium";
        card.Add(source);

        if (answer.FromLlm)
        {
            card.Add(TextBlock("要約は AI が引用の条文から作成しました。判断は条文で確認してください。", TextTone.Help));
        }
        if (answer.Citations.Count > 0)
        {
            card.Add(ActionSet(
            [
                SubmitAction("役に立った", Feedback(answerId, helpful: true), sendInputs: false),
                SubmitAction("役に立たなかった", Feedback(answerId, helpful: false), sendInputs: false),
            ]));
        }

        return card.ToJson();
    }

    private static JsonObject CitationContainer(Clause clause)
    {
        var heading = clause.HeadingPath.Count > 0 ? string.Join(" › ", clause.HeadingPath) : "";
        var quote = clause.Text.Length > QuoteLength ? clause.Text[..QuoteLength] + "…" : clause.Text;
        var items = new List<JsonObject> { TextBlock($"【{clause.Id}】", TextTone.Subheading) };
        if (heading.Length > 0)
        {
            items.Add(TextBlock(CardText.Plain(heading), TextTone.Help));
        }

        items.Add(TextBlock(CardText.Plain(quote)));
        items.Add(ActionSet([SubmitAction("全文を見る", ClauseCard.Request(clause.Id), sendInputs: false)]));
        return Container(items, separator: true);
    }

    private static bool IsSourceLine(string line) => line.StartsWith("出典:", StringComparison.Ordinal);

    private static JsonObject Feedback(string answerId, bool helpful) => new()
    {
        ["isms"] = "feedback",
        ["answer"] = answerId,
        ["helpful"] = helpful,
    };
}
