using System.Text.Json.Nodes;
using Isms.Knowledge;
using Isms.Workflows.Cards;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.Cards;

/// <summary>The whole text of a clause and the items under it, for 全文を見る or a typed clause ID.</summary>
public static class ClauseCard
{
    public static JsonObject Request(string clauseId) => new() { ["isms"] = "clause", ["id"] = clauseId };

    public static JsonObject Create(PolicyDocument document, IReadOnlyList<Clause> clauses)
    {
        var card = new AdaptiveCard();
        var first = clauses[0];
        card.Add(TextBlock($"【{first.Id}】", TextTone.Heading));
        if (first.HeadingPath.Count > 0)
        {
            card.Add(TextBlock(CardText.Plain(string.Join(" › ", first.HeadingPath)), TextTone.Help));
        }

        foreach (var clause in clauses)
        {
            var items = new List<JsonObject>();
            if (clause != first)
            {
                items.Add(TextBlock($"【{clause.Id}】", TextTone.Subheading));
            }

            items.Add(TextBlock(CardText.Plain(clause.Text)));
            card.Add(Container(items, separator: clause != first));
        }

        var source = AnswerCard.Source(document.Title, document.Edition);
        source["spacing"] = "Medium";
        card.Add(source);
        return card.ToJson();
    }
}
