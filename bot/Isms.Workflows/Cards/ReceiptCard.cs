using System.Text.Json.Nodes;
using Isms.Workflows.Requests;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Cards;

/// <summary>Who has a just-submitted record and who does not yet, as the sender is told in the one message after 送信.</summary>
/// <param name="Holders">Whom it reached, e.g. 警防課の情報セキュリティ管理者の佐藤 花子さん: only people (or the CSIRT's
/// 窓口) it really reached.</param>
/// <param name="NotReached">Whom it has not reached yet, as whom to call: 佐藤 花子さん（内線 2102）.</param>
/// <param name="Urgent">An incident: the sender is asked to phone as well, not only when in a hurry.</param>
/// <param name="Notes">What the route says the sender should know (a 所属 the directory lacks).</param>
/// <param name="Problem">Starting the workflow failed: what to do instead.</param>
public sealed record SubmissionDelivery(
    IReadOnlyList<string> Holders,
    IReadOnlyList<string> NotReached,
    bool Urgent,
    IReadOnlyList<string>? Notes = null,
    string? Problem = null)
{
    /// <summary>The one sentence about what has not arrived yet, in the sender's terms.</summary>
    public static string NotReachedText(IEnumerable<string> whom, bool urgent) =>
        $"{string.Join("、", whom)}にはまだ届いていません。ボットが時間をおいて再送します。"
        + (urgent ? "急ぎの報告ですので、電話でも直接伝えてください。" : "お急ぎの場合は、直接お伝えください。");
}

/// <summary>
/// The receipt: the one message the sender gets after 送信 (what happened, who has it, what to do next, and, once,
/// what has not arrived yet), and the same card, updated in place, whenever the record moves on.
/// </summary>
public static class ReceiptCard
{
    public static JsonObject Create(RequestRecord record, RecordProgress progress, SubmissionDelivery? delivery = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(progress);
        var facts = new List<(string, string)>
        {
            ("受付番号", record.Number),
            ("状態", progress.State),
            ("受付日時", JapanTime.FormatDateTime(record.CreatedAt)),
        };
        // When it reached nobody, the line about whom it has not reached says so: once, not also as a fact.
        if (delivery is { Holders.Count: > 0 })
        {
            facts.Add(("届いた相手", string.Join("、", delivery.Holders)));
        }
        else if (delivery is { NotReached.Count: 0 })
        {
            facts.Add(("届いた相手", "まだ届いていません"));
        }

        var card = new AdaptiveCard()
            .Add(TextBlock(record.IsResubmission ? $"{record.Title}を再申請しました" : $"{record.Title}を受け付けました", TextTone.Heading))
            .Add(FactSet(facts))
            .Add(TextBlock("次の対応", TextTone.Subheading))
            .Add(TextBlock(progress.NextStep));
        if (delivery?.Problem is { } problem)
        {
            card.Add(TextBlock(problem, TextTone.Error));
        }

        if (delivery is { NotReached.Count: > 0 })
        {
            card.Add(TextBlock(SubmissionDelivery.NotReachedText(delivery.NotReached, delivery.Urgent), TextTone.Error));
        }

        foreach (var note in delivery?.Notes ?? [])
        {
            card.Add(TextBlock(note, TextTone.Help));
        }

        if (record.IsIncident && progress.IsOpen)
        {
            card.Add(TextBlock("情報セキュリティインシデントとして扱います。関係者からの連絡に対応できるようにしてください。", TextTone.Error));
        }

        return card.Add(TextBlock(FormCardRenderer.CitationText(record.AppliedClauses), TextTone.Help)).ToJson();
    }
}
