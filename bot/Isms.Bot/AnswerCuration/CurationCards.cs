using System.Text.Json.Nodes;
using Isms.Bot.Cards;
using Isms.Workflows;
using Isms.Workflows.Cards;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.AnswerCuration;

/// <summary>
/// The curators' cards: the list of unserved questions (each row can be pinned to clauses), the stored synonyms and
/// pins (each can be removed), and a small form to add a synonym. Card data carries only ids and an operation; the
/// question pinned from a row is read from the answer log, never from the card.
/// </summary>
public static class CurationCards
{
    public const string Marker = "curation";

    /// <summary>Rows per section; a longer week is summarised by its count.</summary>
    public const int MaxRows = 15;

    /// <summary>Entries listed on one card.</summary>
    public const int MaxEntries = 40;

    public const string Usage =
        "同義語の追加: 「同義語 タブレ=モバイル端末」（ふだんの言葉=対策基準の用語）\n"
        + "条項への固定: 「固定 つけっぱなしで離席 → 5.1(1)⑦」（複数の条項は「、」で区切ります）\n"
        + "一覧と削除: 「同義語一覧」、または「同義語削除 タブレ=モバイル端末」「固定解除 つけっぱなしで離席」";

    public static JsonObject Review(AnswerReview review, string edition, bool weekly)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock(weekly ? "回答の改善（先週の一覧）" : "回答の改善", TextTone.Heading))
            .Add(TextBlock($"対象期間: {JapanTime.FormatDate(review.From)}〜{JapanTime.FormatDate(review.Until.AddTicks(-1))}", TextTone.Help))
            .Add(TextBlock(Summary(review)));

        if (review.Declined.Count > 0)
        {
            card.Add(Section($"答えられなかった質問（対象外と判断、{review.DeclinedCount}件）", review.Declined, showClauses: false));
        }

        if (review.Unhelpful.Count > 0)
        {
            card.Add(Section($"「役に立たなかった」の回答（{review.UnhelpfulCount}件）", review.Unhelpful, showClauses: true));
        }

        if (review.Unusable.Count > 0)
        {
            var items = new List<JsonObject> { TextBlock($"この版（{edition}）で使えない登録（{review.Unusable.Count}件）", TextTone.Subheading) };
            items.AddRange(review.Unusable.Take(MaxRows).Select(e => TextBlock(CardText.Plain(Describe(e)) + "（" + Problem(e) + "）")));
            items.Add(TextBlock("登録は消さずに残しています。不要になったものは「同義語一覧」から削除してください。", TextTone.Help));
            card.Add(Container(items, separator: true));
        }

        return card
            .Add(TextBlock(Usage, TextTone.Help))
            .AddAction(ShowCardAction("同義語を追加", SynonymForm()))
            .AddAction(SubmitAction("登録の一覧", new JsonObject { ["isms"] = "command", ["command"] = "同義語一覧" }, sendInputs: false))
            .ToJson();
    }

    public static string Summary(AnswerReview review)
    {
        var text = $"答えられなかった質問 {review.DeclinedCount}件、役に立たなかった回答 {review.UnhelpfulCount}件";
        return review.Unusable.Count > 0 ? text + $"、この版で使えない登録 {review.Unusable.Count}件。" : text + "。";
    }

    /// <summary>Every stored synonym and pin with whether the loaded edition uses it, each with a 削除 button.</summary>
    public static JsonObject Entries(IReadOnlyList<CurationEntry> entries, Func<CurationEntry, bool> isUnusable, string edition)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("登録した同義語と固定", TextTone.Heading))
            .Add(TextBlock($"同義語 {entries.Count(e => e.Kind == CurationKind.Synonym)}件、固定 {entries.Count(e => e.Kind == CurationKind.Pin)}件（対策基準 {edition}）", TextTone.Help));
        if (entries.Count == 0)
        {
            card.Add(TextBlock("まだ登録はありません。"));
        }

        foreach (var entry in entries.Take(MaxEntries))
        {
            var status = isUnusable(entry) ? Problem(entry) : "使用中";
            card.Add(Container(
            [
                TextBlock(CardText.Plain(Describe(entry))),
                TextBlock($"{status}・{JapanTime.FormatDate(entry.AddedAt)} 登録", isUnusable(entry) ? TextTone.Error : TextTone.Help),
                ActionSet([SubmitAction("削除", new JsonObject { ["isms"] = Marker, ["op"] = "remove", ["id"] = entry.Id }, sendInputs: false)]),
            ], separator: true));
        }

        if (entries.Count > MaxEntries)
        {
            card.Add(TextBlock($"ほか{entries.Count - MaxEntries}件（古い順に{MaxEntries}件を表示）。", TextTone.Help));
        }

        return card.Add(TextBlock(Usage, TextTone.Help)).AddAction(ShowCardAction("同義語を追加", SynonymForm())).ToJson();
    }

    /// <summary>The form behind 同義語を追加: the everyday word and the policy's term.</summary>
    public static AdaptiveCard SynonymForm() => new AdaptiveCard()
        .Add(TextInput("variant", "ふだんの言葉（例: タブレ）", null, 40, multiline: false, required: true, placeholder: null))
        .Add(TextInput("term", "対策基準の用語（例: モバイル端末）", null, 40, multiline: false, required: true, placeholder: null))
        .AddAction(SubmitAction("追加する", new JsonObject { ["isms"] = Marker, ["op"] = "synonym" }));

    public static string Describe(CurationEntry entry) => entry.Kind == CurationKind.Pin
        ? $"固定「{entry.Phrasing}」→ {string.Join("、", entry.ClauseIds)}"
        : $"同義語「{entry.Variant}」→「{entry.PolicyTerm}」";

    private static string Problem(CurationEntry entry) =>
        entry.Kind == CurationKind.Pin ? "この版にない条項があります" : "この版に出てこない用語です";

    private static JsonObject Section(string title, IReadOnlyList<ReviewRow> rows, bool showClauses)
    {
        var items = new List<JsonObject> { TextBlock(title, TextTone.Subheading) };
        foreach (var row in rows.Take(MaxRows))
        {
            items.Add(TextBlock(CardText.Plain($"「{row.Question}」") + (row.Count > 1 ? $"（{row.Count}回）" : "")));
            if (showClauses && row.ClauseIds.Count > 0)
            {
                items.Add(TextBlock("示した条項: " + string.Join("、", row.ClauseIds), TextTone.Help));
            }

            items.Add(row.PinnedTo is { } pinned
                ? TextBlock("固定済み: " + string.Join("、", pinned), TextTone.Help)
                : ActionSet([ShowCardAction("条項に固定", PinForm(row))]));
        }

        if (rows.Count > MaxRows)
        {
            items.Add(TextBlock($"ほか{rows.Count - MaxRows}種類の質問（多い順に{MaxRows}件を表示）。", TextTone.Help));
        }

        return Container(items, separator: true);
    }

    private static AdaptiveCard PinForm(ReviewRow row) => new AdaptiveCard()
        .Add(TextInput(PinInputId(row.AnswerId), "答えに使う条項（例: 5.1(1)⑦。複数は「、」で区切ります）", null, 100, multiline: false, required: true, placeholder: null))
        .AddAction(SubmitAction("固定する", new JsonObject { ["isms"] = Marker, ["op"] = "pin", ["answer"] = row.AnswerId }));

    public static string PinInputId(string answerId) => "clauses_" + answerId;
}
