using System.Text.Json.Nodes;
using Isms.Bot.AnswerCuration;
using Isms.Bot.Tests.Pipeline;
using static Isms.Bot.Tests.Pipeline.QuestionFacts;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.AnswerCuration;

/// <summary>The people of the sample directory the curation facts use, and how they read the bot's cards.</summary>
internal static class Curators
{
    /// <summary>統括情報セキュリティ責任者 (E0004).</summary>
    public static readonly TeamsUser Takahashi = new("29:takahashi-dir", "高橋 次郎", "00000000-0000-4000-8000-000000000004");

    /// <summary>統一的な窓口 (E0103).</summary>
    public static readonly TeamsUser Kobayashi = new("29:kobayashi-dir", "小林 大輔", "00000000-0000-4000-8000-000000000103");

    /// <summary>情報セキュリティ責任者 and 情報システム管理者 (E0003): roles, but not the curators'.</summary>
    public static readonly TeamsUser Suzuki = new("29:suzuki-dir", "鈴木 一郎", "00000000-0000-4000-8000-000000000003");

    public const string Declined = "複合機のトナーが切れたらどこに頼めばいい？";

    public const string Printer = "ぷりんたーのトナー交換の記録はどこに残す？";

    public const string Unhelpful = "パスワードは何文字以上にすればいい？";

    /// <summary>A question the shipped index does not connect with 支給以外のモバイル端末 (5.1(1)④(ア)) until ピッチ is a synonym.</summary>
    public const string FeaturePhone = "ピッチに仕事のデータ入れていい？";

    public static JsonObject Card(JsonArray replies) => Assert.Single(ReplyCards(replies));

    /// <summary>The clause IDs an answer card cites, in order (the deciding clause 【ID】, then the related ones 【ID】 heading).</summary>
    public static List<string> CitedIds(JsonArray replies) =>
        CardTexts(Card(replies)).Where(t => t.StartsWith('【') && t.Contains('】')).Select(t => t[1..t.IndexOf('】')]).ToList();

    public static string Reply(JsonArray replies) => string.Join("\n", Texts(replies));

    /// <summary>The data of the 固定する button under the row of <paramref name="question"/>, with the clauses typed in.</summary>
    public static JsonObject PinFromRow(JsonObject reviewCard, string question, string clauses)
    {
        var row = Descendants(reviewCard).Single(n => (string?)n["type"] == "Container" && n["items"] is JsonArray items
            && items.OfType<JsonObject>().Any(i => (string?)i["text"] == $"「{question}」"));
        var items = row["items"]!.AsArray().OfType<JsonObject>().ToList();
        var at = items.FindIndex(i => (string?)i["text"] == $"「{question}」");
        var action = Descendants(items.Skip(at).First(i => (string?)i["type"] == "ActionSet")).Single(n => (string?)n["title"] == "固定する");
        var data = action["data"]!.DeepClone().AsObject();
        data[CurationCards.PinInputId((string)data["answer"]!)] = clauses;
        return data;
    }
}
