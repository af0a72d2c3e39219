using Isms.Bot.Cards;
using Isms.Bot.Conversations;
using Isms.Knowledge;
using Isms.Workflows.Cards;
using Isms.Workflows.Org;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.AnswerCuration;

/// <summary>
/// 回答の改善 (the list of the last seven days), 同義語 / 同義語削除, 固定 / 固定解除 and 同義語一覧, and the buttons of
/// their cards. Only the roles of <see cref="CurationAccess"/>, in the personal chat (the router checks the chat, this
/// class the person, on every message and every card submit).
/// </summary>
public sealed class CurationCommands(
    CurationService curation,
    AnswerLog log,
    OrgDirectoryService directory,
    TimeProvider clock,
    ILogger<CurationCommands> logger)
{
    public static readonly string[] ReviewWords = ["回答の改善", "回答改善"];
    public static readonly string[] ListWords = ["同義語一覧", "固定一覧"];
    public const string SynonymWord = "同義語";
    public const string RemoveSynonymWord = "同義語削除";
    public const string PinWord = "固定";
    public const string UnpinWord = "固定解除";

    public async Task ShowReviewAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await CuratorAsync(turnContext, cancellationToken) is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var review = AnswerReview.For(log, curation, now.AddDays(-7), now);
        var card = CurationCards.Review(review, curation.Document.Edition, weekly: false);
        await turnContext.SendActivityAsync(CardAttachments.ToActivity(card, "回答の改善"), cancellationToken);
    }

    public async Task ListAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await CuratorAsync(turnContext, cancellationToken) is null)
        {
            return;
        }

        var card = CurationCards.Entries(curation.Entries(), curation.IsUnusable, curation.Document.Edition);
        await turnContext.SendActivityAsync(CardAttachments.ToActivity(card, "登録した同義語と固定"), cancellationToken);
    }

    public async Task AddSynonymAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        if (await CuratorAsync(turnContext, cancellationToken) is not { } curator)
        {
            return;
        }

        if (CurationText.Synonym(CurationText.Argument(text)) is not { } synonym)
        {
            var form = CurationCards.SynonymForm().Add(CardElements.TextBlock(CurationCards.Usage, TextTone.Help)).ToJson();
            await turnContext.SendActivityAsync(CardAttachments.ToActivity(form, "同義語の追加"), cancellationToken);
            return;
        }

        await SayAsync(turnContext, AddSynonym(curator, synonym.Variant, synonym.PolicyTerm, turnContext), cancellationToken);
    }

    public async Task RemoveSynonymAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        if (await CuratorAsync(turnContext, cancellationToken) is not { } curator)
        {
            return;
        }

        var argument = CurationText.Argument(text);
        var matches = curation.Entries().Where(e => e.Kind == CurationKind.Synonym && (CurationText.Synonym(argument) is { } s
            ? e.Key == CurationEntry.SynonymKey(s.Variant, s.PolicyTerm)
            : CurationMerge.PinKey(e.Variant) == CurationMerge.PinKey(CurationText.Unquote(argument)))).ToList();
        var reply = matches.Count switch
        {
            0 => $"その同義語は登録されていません。「同義語一覧」で確かめてください。",
            1 => Removed(curation.Remove(curator, matches[0].Id, turnContext.Activity.Id)),
            _ => $"「{CurationText.Unquote(argument)}」の同義語は{matches.Count}件あります。「同義語削除 {matches[0].Variant}={matches[0].PolicyTerm}」のように用語まで書くか、「同義語一覧」の「削除」を押してください。",
        };
        await SayAsync(turnContext, reply, cancellationToken);
    }

    public async Task PinAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        if (await CuratorAsync(turnContext, cancellationToken) is not { } curator)
        {
            return;
        }

        var reply = CurationText.Pin(CurationText.Argument(text)) is { } pin
            ? Pin(curator, pin.Phrasing, pin.ClauseIds, turnContext)
            : "固定は「固定 つけっぱなしで離席 → 5.1(1)⑦」のように、質問の言い方と条項番号を「→」でつないで送ってください。";
        await SayAsync(turnContext, reply, cancellationToken);
    }

    public async Task UnpinAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        if (await CuratorAsync(turnContext, cancellationToken) is not { } curator)
        {
            return;
        }

        var phrasing = CurationText.Unquote(CurationText.Argument(text));
        var reply = phrasing.Length > 0 && curation.FindPin(phrasing) is { } entry
            ? Removed(curation.Remove(curator, entry.Id, turnContext.Activity.Id))
            : "その言い方の固定は登録されていません。「固定一覧」で確かめてください。";
        await SayAsync(turnContext, reply, cancellationToken);
    }

    /// <summary>The buttons of the curation cards: 追加する (synonym), 固定する (a row of the list), 削除.</summary>
    public async Task HandleSubmitAsync(ITurnContext turnContext, JObject value, CancellationToken cancellationToken)
    {
        if (await CuratorAsync(turnContext, cancellationToken) is not { } curator)
        {
            return;
        }

        string reply;
        switch (CardData.Text(value, "op"))
        {
            case "synonym" when CurationText.Synonym($"{CardData.Text(value, "variant")}={CardData.Text(value, "term")}") is { } synonym:
                reply = AddSynonym(curator, synonym.Variant, synonym.PolicyTerm, turnContext);
                break;
            case "synonym":
                reply = "ふだんの言葉（2文字以上）と対策基準の用語を、それぞれ40文字までで入力してください。";
                break;
            case "pin" when CardData.Text(value, "answer") is { Length: 32 } answerId && log.Find(answerId) is { } answered:
                var ids = CurationText.ClauseIds(CardData.Text(value, CurationCards.PinInputId(answerId)) ?? "");
                reply = ids.Count == 0 ? "固定する条項番号を入力してください（例: 5.1(1)⑦）。"
                    : answered.Question.Length > CurationText.MaxPhrasingLength ? $"{CurationText.MaxPhrasingLength}文字を超える質問は固定できません。「固定」で短い言い方を登録してください。"
                    : Pin(curator, answered.Question, ids, turnContext);
                break;
            case "remove" when CardData.Text(value, "id") is { Length: 32 } id:
                reply = Removed(curation.Remove(curator, id, turnContext.Activity.Id));
                break;
            default:
                logger.LogInformation("Declined a curation card submit that names no known entry or operation");
                reply = "このカードの操作は受け付けられませんでした。「回答の改善」から操作し直してください。";
                break;
        }

        await SayAsync(turnContext, reply, cancellationToken);
    }

    private string AddSynonym(Person curator, string variant, string term, ITurnContext turnContext)
    {
        var change = curation.AddSynonym(curator, variant, term, turnContext.Activity.Id);
        return change.Outcome switch
        {
            CurationOutcome.Added => $"同義語を登録しました: 「{variant}」→「{term}」。次の質問から回答に使います。",
            CurationOutcome.AlreadyStored => $"同義語「{variant}」→「{term}」は登録済みです。",
            _ => $"「{term}」は対策基準（{curation.Document.Edition}）に出てこない語のため、登録しませんでした。"
                + "「=」の右には対策基準の用語を書いてください（例: 同義語 タブレ=モバイル端末）。",
        };
    }

    private string Pin(Person curator, string phrasing, IReadOnlyList<string> typedIds, ITurnContext turnContext)
    {
        var clauses = typedIds.Select(id => (Typed: id, Clause: curation.Document.FindClause(id))).ToList();
        if (clauses.Where(c => c.Clause is null).Select(c => c.Typed).ToList() is { Count: > 0 } unknown)
        {
            return $"条項「{string.Join("、", unknown)}」は対策基準（{curation.Document.Edition}）にありません。条項番号を確かめてください（例: 5.1(1)⑦）。";
        }

        var change = curation.Pin(curator, phrasing, clauses.Select(c => c.Clause!).ToList(), turnContext.Activity.Id);
        var ids = string.Join("、", change.Entry.ClauseIds);
        return change.Outcome switch
        {
            CurationOutcome.Added => $"「{phrasing}」を {ids} に固定しました。この言い方の質問には、次からこの条項で答えます。",
            CurationOutcome.Replaced => $"「{phrasing}」の固定先を {ids} に変更しました。",
            _ => $"「{phrasing}」は {ids} に固定済みです。",
        };
    }

    private static string Removed(CurationChange? change) => change is null
        ? "その登録は見つかりませんでした（削除済みかもしれません）。「同義語一覧」で確かめてください。"
        : $"{CurationCards.Describe(change.Entry)} を削除しました。次の質問から使いません。";

    private async Task<Person?> CuratorAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        var person = directory.Identify(from.AadObjectId, from.Id).Person;
        if (CurationAccess.MayCurate(directory.Current, person, clock))
        {
            return person;
        }

        logger.LogInformation("Refused a curation command to someone without a curating role");
        await turnContext.SendActivityAsync(
            $"回答の改善（質問の一覧、同義語・固定の登録）は、{CurationAccess.RoleNames}だけが行えます。回答についてのご意見は、回答の「役に立たなかった」からお送りください。",
            cancellationToken: cancellationToken);
        return null;
    }

    private static Task SayAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(text, cancellationToken: cancellationToken);
}
