using System.Globalization;
using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Training;

/// <summary>What a 緊急時対応訓練 record says (5.2(3)), as read from the card; <see cref="Error"/> is Japanese.</summary>
public sealed record DrillInput(string Title, DateOnly HeldOn, int Participants, string Scope, string Findings);

/// <summary>The 訓練記録 card: a held 緊急時対応訓練 (5.2(3)) with its date, scope, participants and findings, which the
/// committee report (5.2(2)⑥) counts.</summary>
public static class DrillCard
{
    public const string Marker = "drill";
    public const string Clause = "5.2(3)";
    public const int MaxTextLength = 500;
    public const int MaxParticipants = 10000;
    /// <summary>Input ids carry the form cards' prefix, so a submit reads the same way.</summary>
    public const string Prefix = "f_";

    public static JsonObject Create(DateOnly today, string? error = null)
    {
        var card = new AdaptiveCard().Add(TextBlock("緊急時対応訓練の記録", TextTone.Heading));
        if (error is not null) card.Add(TextBlock(error, TextTone.Error));
        return card
            .Add(TextBlock("実施した訓練を記録します。記録した訓練は、情報セキュリティ委員会への年次報告（5.2(2)⑥）に計上されます。", TextTone.Help))
            .Add(TextInput(Prefix + "title", "訓練名", null, 100, multiline: false, required: true, placeholder: "例: ウイルス感染時の初動対応訓練"))
            .Add(DateInput(Prefix + "heldOn", "実施日", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), required: true, min: null,
                max: today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Add(TextInput(Prefix + "participants", "参加人数", null, 5, multiline: false, required: true, placeholder: "例: 30"))
            .Add(TextInput(Prefix + "scope", "範囲（対象の所属・システム）", null, MaxTextLength, multiline: false, required: false, placeholder: "例: 消防本部全課、ネットワーク"))
            .Add(TextInput(Prefix + "findings", "結果・気付いた点", null, MaxTextLength, multiline: true, required: false, placeholder: null))
            .Add(TextBlock(FormCardRenderer.CitationText([Clause, "5.2(2)⑥"]), TextTone.Help))
            .AddAction(SubmitAction("記録する", new JsonObject { ["isms"] = Marker }, "positive"))
            .ToJson();
    }

    /// <summary>The card's inputs as a drill, or the Japanese reason they are not one. Untrusted input: every value is checked.</summary>
    public static (DrillInput? Drill, string? Error) Read(string? title, string? heldOn, string? participants, string? scope, string? findings, DateOnly today)
    {
        title = title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 100) return (null, "訓練名を100文字以内で入力してください。");
        if (!DateOnly.TryParseExact(heldOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > today
            || date < today.AddYears(-2))
            return (null, "実施日は、今日までの2年以内の日付を選んでください。");
        if (!int.TryParse(participants?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxParticipants)
            return (null, "参加人数を数字で入力してください。");
        if ((scope?.Length ?? 0) > MaxTextLength || (findings?.Length ?? 0) > MaxTextLength)
            return (null, $"範囲と結果は{MaxTextLength}文字以内で入力してください。");
        return (new DrillInput(title, date, count, scope?.Trim() ?? "", findings?.Trim() ?? ""), null);
    }
}
