using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows;
using Isms.Workflows.Forms;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Procedures;

/// <summary>People of the sample directory (bot/Isms.Workflows/data/org-directory.sample.yaml), with their roles.</summary>
internal static class SampleStaff
{
    /// <summary>警防課 主事, no role.</summary>
    public static readonly TeamsUser Yamada = new("29:yamada-dir", "山田 太郎", "00000000-0000-4000-8000-000000000001");
    /// <summary>警防課 情報セキュリティ管理者.</summary>
    public static readonly TeamsUser Sato = new("29:sato-dir", "佐藤 花子", "00000000-0000-4000-8000-000000000002");
    /// <summary>警防課 情報セキュリティ責任者, 情報システム管理者 of ネットワーク.</summary>
    public static readonly TeamsUser Suzuki = new("29:suzuki-dir", "鈴木 一郎", "00000000-0000-4000-8000-000000000003");
    /// <summary>統括情報セキュリティ責任者.</summary>
    public static readonly TeamsUser Takahashi = new("29:takahashi-dir", "高橋 次郎", "00000000-0000-4000-8000-000000000004");
    /// <summary>CISO.</summary>
    public static readonly TeamsUser Tanaka = new("29:tanaka-dir", "田中 三郎", "00000000-0000-4000-8000-000000000005");
    /// <summary>総務課 情報セキュリティ責任者, CSIRT責任者, 情報システム管理者 of 文書管理システム.</summary>
    public static readonly TeamsUser Saito = new("29:saito-dir", "斎藤 健一", "00000000-0000-4000-8000-000000000101");
    /// <summary>通信指令課 情報システム管理者 of 消防指令システム.</summary>
    public static readonly TeamsUser Nakamura = new("29:nakamura-dir", "中村 誠", "00000000-0000-4000-8000-000000000301");
}

/// <summary>
/// A procedure's way through the real host: filed through its form cards, decided on the decision card its decider gets with 承認待ち.
/// </summary>
internal static class ProcedureFlow
{
    /// <summary>A date relative to the host's today (Japan time), as a date input sends it.</summary>
    public static string Day(this BotHost host, int daysFromToday) => FieldValues.FormatDate(JapanTime.Today(host.Time).AddDays(daysFromToday));

    /// <summary>Starts the form by <paramref name="command"/>, presses 次へ on each card with the answers it asks for, then
    /// 送信; returns the 受付番号 (the replies to 送信 are the host's LastReplies).</summary>
    public static async Task<string> FileAsync(this BotHost host, TeamsUser person, string command, params (string Field, string Value)[][] answers)
    {
        var replies = await host.Say(person, command);
        var confirmation = await FormConversation.FillIn(ReplyCards(replies).Last(), answers.SelectMany(a => a),
            async value => ReplyCards(await host.Post(CardSubmit(person, value))).Last());
        replies = await host.Post(CardSubmit(person, FormConversation.SubmitValue(confirmation, "送信")));
        return FormConversation.Facts(ReplyCards(replies).First(c => FormConversation.Facts(c).ContainsKey("受付番号")))["受付番号"];
    }

    /// <summary>The decider says 承認待ち and presses <paramref name="button"/> on the card of <paramref name="number"/>;
    /// returns the card the invoke response shows.</summary>
    public static async Task<JsonObject> DecideAsync(this BotHost host, TeamsUser decider, string number, string button, string? comment = null)
    {
        await host.SayThroughConnector(decider, "承認待ち");
        var (copy, card) = host.CardsPostedTo(PersonalConversationId(decider)).Last(c => Approvals.ApprovalHost.Json(c.Card).Contains(number, StringComparison.Ordinal));
        AdaptiveCardValidator.AssertValid(card);
        var (status, body) = await host.Invoke(decider, card, button, comment, replyToId: copy);
        Assert.Equal(HttpStatusCode.OK, status);
        return body["value"] as JsonObject ?? [];
    }

    /// <summary>The choices a choice input of the card offers, as (value, title).</summary>
    public static IReadOnlyList<(string Value, string Title)> Choices(JsonObject card, string fieldId) =>
        Inputs(card).Single(i => (string?)i["id"] == "f_" + fieldId)["choices"]!.AsArray()
            .Select(c => ((string)c!["value"]!, (string)c["title"]!)).ToList();
}
