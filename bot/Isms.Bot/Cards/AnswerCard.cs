using System.Text.Json.Nodes;
using Isms.Knowledge;
using Isms.Workflows.Cards;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.Cards;

/// <summary>A form an answer leads to: its title and the command word that starts it.</summary>
public sealed record FormStart(string Title, string Command);

/// <summary>What the host adds to an answer for the person who asked.</summary>
/// <param name="AnswerId">The answer log's id, for 役に立った / 役に立たなかった.</param>
/// <param name="Contact">Who the role the answer names is for this person (「警防課の情報セキュリティ管理者は…」).</param>
/// <param name="Starts">The forms to start from the answer, the likelier first (personal chat only).</param>
/// <param name="Urgent">What to do at once, shown first in red, when the message may be a report that needs it.</param>
/// <param name="UrgentClauses">The clauses whose steps <paramref name="Urgent"/> gives: an answer decided by one of them
/// does not say it again under the notice.</param>
public sealed record AnswerCardExtras(string AnswerId, string? Contact = null, IReadOnlyList<FormStart>? Starts = null, string? Urgent = null,
    IReadOnlyCollection<string>? UrgentClauses = null);

/// <summary>
/// The answer to a policy question, one screen at 1366×625: the conclusion first (or the LLM's sentence), who that
/// is for this person, then the deciding clause quoted once with its ID and the edition, the exception clause if any,
/// 全文を見る only where the clause is longer than the quote, the other related clauses behind one toggle, and at the
/// bottom, where a thumb reaches, the form to start and 役に立った / 役に立たなかった.
/// </summary>
public static class AnswerCard
{
    /// <summary>Characters of a related clause quoted behind the toggle; 全文を見る shows the rest.</summary>
    public const int QuoteLength = 120;

    /// <summary>Characters of the deciding clause and the exception, shown under the conclusion that already says what
    /// they decide: shorter, so that the card keeps to one screen at 1366×625.</summary>
    public const int DecidingQuoteLength = 90;

    /// <summary>Related clauses behind the toggle.</summary>
    public const int MaxRelated = 3;

    public const string RelatedId = "related";

    public static JsonObject Create(PolicyAnswer answer, PolicyDocument document, AnswerCardExtras extras)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Intent == PolicyIntent.OutOfScope || answer.Citations.Count == 0)
        {
            return NotCovered(answer, extras.Contact);
        }

        var card = new AdaptiveCard();
        // One block a line: a card's text block may join single line breaks.
        foreach (var (line, i) in (extras.Urgent?.Split('\n') ?? []).Select((l, i) => (l, i)))
        {
            var notice = i == 0 ? TextBlock(line) : Spaced(TextBlock(line), "None");
            notice["color"] = "Attention";
            if (i == 0)
            {
                notice["weight"] = "Bolder";
            }

            card.Add(notice);
        }

        var deciding = answer.Conclusion?.Deciding ?? answer.Citations[0].Clause;
        // The red notice already gives the deciding clause's steps: its quote below is the citation.
        if (answer.FromLlm || extras.UrgentClauses?.Contains(deciding.Id) != true)
        {
            card.Add(TextBlock(CardText.Plain(Lead(answer))));
        }

        if (extras.Contact is { } contact)
        {
            card.Add(Spaced(TextBlock(contact, TextTone.Note), "Small"));
        }

        var exception = answer.Conclusion?.Exception;
        var basis = new List<JsonObject>();
        var fullText = new List<JsonObject>();
        AddQuote(basis, fullText, document, deciding, label: "", button: "全文を見る");
        if (exception is not null)
        {
            AddQuote(basis, fullText, document, exception, label: "例外 ", button: "例外の全文を見る");
        }

        basis.Add(Source(answer.DocumentTitle, answer.Edition));
        if (fullText.Count > 0)
        {
            basis.Add(ActionSet(fullText));
        }

        card.Add(Spaced(Container(basis, separator: true), "Medium"));

        // Items under a quoted clause are in its full text already.
        var quoted = document.FindClauseWithItems(deciding.Id).Concat(exception is null ? [] : document.FindClauseWithItems(exception.Id))
            .Select(c => c.Id).Append(deciding.Id).ToHashSet(StringComparer.Ordinal);
        var related = answer.Citations.Select(c => c.Clause).Where(c => !quoted.Contains(c.Id) && c.Id != exception?.Id).Take(MaxRelated).ToList();
        if (related.Count > 0)
        {
            card.Add(Toggle($"関連する条項（{related.Count}件）", RelatedId));
            card.Add(Hidden(RelatedId, related.SelectMany(c => RelatedClause(document, c))));
        }

        if (answer.FromLlm)
        {
            card.Add(TextBlock("この回答文は AI が引用の条文から作成しました。判断は条文で確認してください。", TextTone.Help));
        }

        // One set of actions: the forms first, the feedback after it (wrapping to the next row when the form's name is
        // long), which takes less height than two sets.
        var actions = new List<JsonObject>();
        foreach (var (start, i) in (extras.Starts ?? []).Select((s, i) => (s, i)))
        {
            actions.Add(SubmitAction($"{start.Title}を始める", Command(start.Command), style: i == 0 ? "positive" : null, sendInputs: false));
        }

        actions.Add(SubmitAction("役に立った", Feedback(extras.AnswerId, helpful: true), sendInputs: false));
        actions.Add(SubmitAction("役に立たなかった", Feedback(extras.AnswerId, helpful: false), sendInputs: false));
        card.Add(ActionSet(actions));
        return card.ToJson();
    }

    /// <summary>The 出典 line every answer and clause card ends its quotes with.</summary>
    public static JsonObject Source(string title, string edition) => TextBlock($"出典: {title}（{edition}）", TextTone.Help);

    /// <summary>Whether the card's quote of <paramref name="clause"/> leaves something out: cut short, or items under it.</summary>
    public static bool HasMoreThanQuoted(PolicyDocument document, Clause clause, int quoteLength = QuoteLength) =>
        clause.Text.Length > quoteLength
        || document.FindClauseWithItems(clause.Id).Any(c => c.Id != clause.Id && !clause.Text.Contains(c.Text, StringComparison.Ordinal));

    private static JsonObject NotCovered(PolicyAnswer answer, string? contact)
    {
        var card = new AdaptiveCard();
        var lines = BodyLines(answer.Summary).ToList();
        if (lines.Count > 0 && lines[0].StartsWith(AnswerText.NotCovered, StringComparison.Ordinal))
        {
            // The honest "no" leads on its own line; the advice follows.
            card.Add(TextBlock(AnswerText.NotCovered, TextTone.Subheading));
            lines[0] = lines[0][AnswerText.NotCovered.Length..];
        }

        foreach (var line in lines.Where(l => l.Length > 0))
        {
            card.Add(TextBlock(CardText.Plain(line)));
        }

        if (contact is not null)
        {
            card.Add(Spaced(TextBlock(contact, TextTone.Note), "Small"));
        }

        card.Add(Spaced(Source(answer.DocumentTitle, answer.Edition), "Medium"));
        return card.ToJson();
    }

    /// <summary>The sentences that answer: the conclusion, or the LLM's summary without its 出典 line.</summary>
    private static string Lead(PolicyAnswer answer) =>
        !answer.FromLlm && answer.Conclusion is { } conclusion
            ? conclusion.Text
            : string.Join("\n", BodyLines(answer.Summary).Where(l => !l.StartsWith("関連:", StringComparison.Ordinal)));

    private static IEnumerable<string> BodyLines(string summary) =>
        summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("出典:", StringComparison.Ordinal));

    private static void AddQuote(List<JsonObject> items, List<JsonObject> fullText, PolicyDocument document, Clause clause, string label, string button)
    {
        items.Add(Spaced(Small(TextBlock($"{label}【{clause.Id}】", TextTone.Subheading)), "Small"));
        items.Add(Spaced(Small(TextBlock(CardText.Plain(Quote(clause.Text, DecidingQuoteLength)))), "None"));
        if (HasMoreThanQuoted(document, clause, DecidingQuoteLength))
        {
            fullText.Add(SubmitAction(button, ClauseCard.Request(clause.Id), sendInputs: false));
        }
    }

    private static IEnumerable<JsonObject> RelatedClause(PolicyDocument document, Clause clause)
    {
        var heading = clause.HeadingPath.Count > 0 ? " " + clause.HeadingPath[^1] : "";
        yield return Spaced(Small(TextBlock(CardText.Plain($"【{clause.Id}】{heading}"), TextTone.Subheading)), "Small");
        yield return Spaced(Small(TextBlock(CardText.Plain(Quote(clause.Text, QuoteLength)))), "None");
        if (HasMoreThanQuoted(document, clause))
        {
            yield return ActionSet([SubmitAction("全文を見る", ClauseCard.Request(clause.Id), sendInputs: false)]);
        }
    }

    /// <summary>The clause cut at <paramref name="length"/>, at the end of a sentence when one ends in the second half.</summary>
    private static string Quote(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var sentenceEnd = text.LastIndexOf('。', length - 1);
        return sentenceEnd >= length / 2 ? text[..(sentenceEnd + 1)] + "…" : text[..length] + "…";
    }

    /// <summary>A line that shows or hides <paramref name="targetId"/> when tapped: one toggle for all related clauses.</summary>
    private static JsonObject Toggle(string title, string targetId)
    {
        var line = Small(TextBlock($"{title} ▾"));
        line["color"] = "Accent";
        var toggle = Container([line]);
        toggle["spacing"] = "Small";
        toggle["selectAction"] = new JsonObject
        {
            ["type"] = "Action.ToggleVisibility",
            ["title"] = title,
            ["targetElements"] = new JsonArray(targetId),
        };
        return toggle;
    }

    private static JsonObject Hidden(string id, IEnumerable<JsonObject> items)
    {
        var container = Container(items);
        container["id"] = id;
        container["isVisible"] = false;
        return container;
    }

    private static JsonObject Small(JsonObject block)
    {
        block["size"] = "Small";
        return block;
    }

    private static JsonObject Spaced(JsonObject element, string spacing)
    {
        element["spacing"] = spacing;
        return element;
    }

    private static JsonObject Command(string command) => new() { ["isms"] = "command", ["command"] = command };

    private static JsonObject Feedback(string answerId, bool helpful) => new()
    {
        ["isms"] = "feedback",
        ["answer"] = answerId,
        ["helpful"] = helpful,
    };
}
