using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using Isms.Workflows.Requests;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Approvals;

/// <summary>
/// What the applicant gets when their record is returned (差戻し): the approver's comment and a button that reopens
/// the form with their answers. The button carries only the record id; who may reopen is checked on the server.
/// </summary>
public static class ReturnedCard
{
    public const string ReopenMarker = "reopen";

    public static JsonObject Create(RequestRecord record, string deciderName, string comment) =>
        new AdaptiveCard()
            .Add(TextBlock($"{record.Title}（{record.Number}）が差し戻されました", TextTone.Heading))
            .Add(FactSet([("差し戻した人", $"{deciderName}さん"), ("受付番号", record.Number)]))
            .Add(TextBlock("コメント", TextTone.Subheading))
            .Add(UserText(comment))
            .Add(TextBlock("「修正して再申請」を押すと、入力済みの内容とこのコメントを表示した申請画面が開きます。修正して送信すると、同じ受付番号で再申請されます。", TextTone.Help))
            .AddAction(SubmitAction("修正して再申請", ReopenData(record.Id), "positive", sendInputs: false))
            .ToJson();

    public static JsonObject ReopenData(string recordId) => new() { ["isms"] = ReopenMarker, ["record"] = recordId };
}
