using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Forms;

/// <summary>
/// What every form must do through the real pipeline: happy path to a record (every card fitting one screen, the taps
/// counted, the person named as the directory names them), required and over-long text, tampered payloads, correction
/// after the confirmation, cancel, resume after a restart, double submission, someone else's card and 申請状況. Each
/// form's class says how to fill it and adds its own branches and checks.
/// </summary>
public abstract partial class FormPipelineFacts(BotHost host)
{
    protected const string Department = TestStaffDirectory.Department;

    protected BotHost Host => host;

    /// <summary>The text command that starts the form.</summary>
    protected abstract string Command { get; }

    protected abstract string Title { get; }

    protected abstract string NumberPrefix { get; }

    protected abstract RequestStatus InitialStatus { get; }

    /// <summary>Answers for each card on the plain path started by <see cref="Command"/>, one array per card, exactly the
    /// questions the card asks (the 所属 comes from the org directory; defaults are not asked).</summary>
    protected abstract (string Field, string Value)[][] Steps { get; }

    /// <summary>Answers the form fills in by itself on the plain path (today, the applicant), as the record keeps them.</summary>
    protected virtual (string Field, string Value)[] Defaulted(TeamsActivities.TeamsUser person) => [];

    /// <summary>Card submits from the command to the 受付番号 on the plain path: 次へ on each card, then 送信.</summary>
    protected abstract int Taps { get; }

    /// <summary>Whether the plain path's cards are checked to fit one screen. Only the procedures merged after the page
    /// engine and not yet cut into short steps say no (their first cards are 700–890 px); the check names the height.</summary>
    protected virtual bool CardsFitOneScreen => true;

    /// <summary>How the confirmation names the sender: 申請者 on requests, 報告者 on reports.</summary>
    protected virtual string SenderRole => "申請者";

    /// <summary>A required text field, its label on the confirmation card, its limit and a corrected value.</summary>
    protected abstract (string Field, string Label, int MaxLength, string Corrected) Correctable { get; }

    private int CorrectablePage => PageOf(Correctable.Field);

    private string PlainAnswer(string field) => Steps.SelectMany(s => s).Single(a => a.Field == field).Value;

    /// <summary>The form's own checks on the record of the plain path.</summary>
    protected abstract void AssertPlainRecord(RequestRecord record);

    [Fact]
    public async Task HappyPath_ByCommand_CreatesTheRecord_AndShowsItIn申請状況()
    {
        // The activity says 山田 太郎; the directory names this pool member otherwise, and the bot goes by the directory.
        var person = Host.Person("山田 太郎");
        var name = TestStaffDirectory.DirectoryName(person.User);
        await Start(person);
        Assert.DoesNotContain("applicantDepartment", FieldIds(person.Card));
        await FillToConfirmation(person);
        Assert.Equal($"{name}（{Department}）", Facts(person.Card)[SenderRole]);
        Assert.DoesNotContain("山田 太郎", AllText(person.Card));

        var number = await SubmitAndReadNumber(person);
        Assert.Equal(Taps, person.Submits);

        Assert.Contains($"{Title}を受け付けました", AllText(person.Card));
        Assert.Matches($"^{Regex.Escape(NumberPrefix)}-{BotHost.Today.Year}-\\d{{4}}$", number);
        Assert.Equal(InitialStatus.Label(), Facts(person.Card)["状態"]);
        var record = Assert.IsType<RequestRecord>(Host.Records.FindByNumber(number));
        Assert.Equal(person.User.Id, record.Applicant.UserId);
        Assert.Equal(person.User.AadObjectId, record.Applicant.AadObjectId);
        Assert.Equal(name, record.Applicant.Name);
        Assert.Equal(Department, record.Applicant.Department);
        Assert.Equal(Title, record.Title);
        Assert.Equal(InitialStatus, record.Status);
        foreach (var (field, value) in Steps.SelectMany(s => s).Concat(Defaulted(person.User)).Where(a => a.Field != "applicantDepartment"))
        {
            Assert.True(record.Answers.ContainsKey(field), $"The record has no answer {field}");
            Assert.Equal(value, record.Answers[field].Value);
        }

        AssertPlainRecord(record);

        await person.Say("申請状況");
        Assert.Contains($"{number}　{Title}", QuestionFacts.CardTexts(person.Card));
        Assert.Equal(InitialStatus.Label(), Facts(person.Card)["状態"]);
        Assert.DoesNotContain("作成途中", AllText(person.Card));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ARequiredTextLeftEmpty_IsShownNextToTheField_AndEverythingTypedIsKept(string typed)
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, CorrectablePage);

        await person.Press("次へ", WithStep(CorrectablePage, Correctable.Field, typed));

        Assert.Equal("入力してください。", ErrorFor(person.Card, Correctable.Field));
        AssertStillOnPageWithTypedValuesKept(person.Card, CorrectablePage, except: Correctable.Field, errors: 1);
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));
    }

    [Fact]
    public async Task A5000CharacterText_IsRefusedNextToTheField_AndKept()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, CorrectablePage);
        var longText = string.Concat(Enumerable.Repeat("長い説明文。", 834))[..5000];

        await person.Press("次へ", WithStep(CorrectablePage, Correctable.Field, longText));

        Assert.Equal($"{Correctable.MaxLength:N0}文字以内で入力してください（現在 5,000文字）。", ErrorFor(person.Card, Correctable.Field));
        Assert.Equal(longText, InputValue(person.Card, Correctable.Field));
        AssertStillOnPageWithTypedValuesKept(person.Card, CorrectablePage, except: Correctable.Field, errors: 1);
    }

    [Fact]
    public async Task ATamperedInputThatIsNotText_IsRefusedNextToTheField_AndTheRestIsKept()
    {
        var person = Host.Person();
        await Start(person);
        await ReachPage(person, CorrectablePage);
        var value = SubmitValue(person.Card, "次へ", Steps[CorrectablePage]);
        value["f_" + Correctable.Field] = new JsonObject { ["$where"] = "1" };

        await person.Send(value);

        Assert.Equal("入力の形式が正しくありません。入力し直してください。", ErrorFor(person.Card, Correctable.Field));
        AssertStillOnPageWithTypedValuesKept(person.Card, CorrectablePage, except: Correctable.Field, errors: 1);
    }

    [Fact]
    public async Task AnUnreadablePayload_IsRefused_AndTheCardStillWorks()
    {
        var person = Host.Person();
        await Start(person);
        var card = person.Card;
        var value = SubmitValue(card, "次へ", Steps[0]);
        value["draft"] = "../../" + (string)value["draft"]!;

        await person.Send(value);
        Assert.Contains("このカードの操作を受け付けられませんでした。お手数ですが、もう一度フォームを開いてください。", person.Texts);
        Assert.Empty(ReplyCards(person.Replies));

        await person.Send(SubmitValue(card, "次へ", Steps[0]));
        Assert.Contains($"{Title}（2/", AllText(person.Card));
    }

    [Fact]
    public async Task ASubmitForgedFromAStepCard_CreatesNothing()
    {
        var person = Host.Person();
        await Start(person);
        var value = SubmitValue(person.Card, "次へ", Steps[0]);
        value["op"] = "submit";

        await person.Send(value);

        Assert.Contains("この画面ではその操作はできません", AllText(person.Card));
        Assert.Contains($"{Title}（1/", AllText(person.Card));
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));
    }

    [Fact]
    public async Task AForgedNonce_ShowsTheLatestCard_AndCreatesNothing()
    {
        var person = Host.Person();
        await Start(person);
        await person.Press("次へ", Steps[0]);
        var value = SubmitValue(person.Card, "次へ");
        value["nonce"] = new string('0', 32);

        await person.Send(value);

        Assert.Contains("古い画面からの操作のため、最新の入力画面を表示しました。", AllText(person.Card));
        Assert.Contains($"{Title}（2/", AllText(person.Card));
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));
        // The first step's answers were not touched.
        await person.Press("戻る");
        AssertStillFirstStepWithTypedValuesKept(person.Card, except: null, errors: 0);
    }

    [Fact]
    public async Task CorrectionAfterTheConfirmation_EndsUpInTheRecord()
    {
        var person = Host.Person();
        await Start(person);
        await FillToConfirmation(person);
        var firstConfirmation = person.Card;

        await person.Press("修正する");
        Assert.Contains($"{Title}（1/", AllText(person.Card));
        Assert.Contains("内容を修正して「次へ」で進んでください。", AllText(person.Card));
        while (!FieldIds(person.Card).Contains(Correctable.Field))
        {
            await person.Press("次へ");
            Assert.DoesNotContain("入力内容を確認してください", AllText(person.Card));
        }

        Assert.Equal(PlainAnswer(Correctable.Field), InputValue(person.Card, Correctable.Field));
        await person.Press("次へ", (Correctable.Field, Correctable.Corrected));
        while (!AllText(person.Card).Contains($"{Title}の内容確認"))
        {
            Assert.DoesNotContain("入力内容を確認してください", AllText(person.Card));
            await person.Press("次へ");
        }

        Assert.Equal(Correctable.Corrected, Facts(person.Card)[Correctable.Label]);

        // The confirmation shown before the correction no longer submits: the latest one comes back instead.
        await person.Send(SubmitValue(firstConfirmation, "送信"));
        Assert.Equal(Correctable.Corrected, Facts(person.Card)[Correctable.Label]);
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));

        var number = await SubmitAndReadNumber(person);
        Assert.Equal(Correctable.Corrected, Host.Records.FindByNumber(number)!.Answers[Correctable.Field].Value);
    }

    [Fact]
    public async Task CancelOnTheFirstStep_DropsTheDraft_AndCreatesNothing()
    {
        var person = Host.Person();
        await Start(person);
        var card = person.Card;

        await person.Press("キャンセル", Steps[0]);

        Assert.Contains("入力を取り消しました。記録は作成していません。", person.Texts);
        await person.Send(SubmitValue(card, "次へ", Steps[0]));
        Assert.Contains(person.Texts, t => t.StartsWith("この入力画面は見つかりませんでした。", StringComparison.Ordinal));
        await person.Say("申請状況");
        Assert.Contains("現在、受付中の申請・報告はありません。", AllText(person.Card));
    }

    [Fact]
    public async Task CancelOnTheConfirmation_CreatesNothing()
    {
        var person = Host.Person();
        await Start(person);
        await FillToConfirmation(person);
        var confirmation = person.Card;

        await person.Press("キャンセル");

        Assert.Contains("入力を取り消しました。記録は作成していません。", person.Texts);
        await person.Send(SubmitValue(confirmation, "送信"));
        Assert.DoesNotContain(person.Texts, t => t.Contains("受付済み"));
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));
    }

    [Fact]
    public async Task CancelTypedMidForm_OffersToDropTheDraft_AndDropsItOnlyWhenAsked()
    {
        var person = Host.Person("取消 一郎");
        await Start(person);
        await person.Press("次へ", Steps[0]);

        // A word typed in a hurry keeps the draft and asks; 破棄 drops it.
        await person.Say("キャンセル");
        Assert.Contains("作成途中の申請があります", AllText(person.Card));
        Assert.Contains(Title, AllText(person.Card));
        await person.Press("破棄");
        Assert.Contains($"{Title}の下書きを破棄しました。", person.Texts);

        await person.Say("やめる");
        Assert.Contains("作成途中の申請はありません。", person.Texts);
        Assert.Empty(Host.Records.ListByApplicant(person.User.Id, 10));
    }

    [Fact]
    public async Task ADraft_SurvivesARestart_AndIsResumedWithItsValues()
    {
        var directory = BotHost.NewDataDirectory();
        var user = BotHost.NewPerson("山田 太郎");
        try
        {
            using (var before = BotHost.Start(directory))
            {
                var person = before.As(user);
                await Start(person);
                await person.Press("次へ", Steps[0]);
                Assert.Contains($"{Title}（2/", AllText(person.Card));
            }

            using var after = BotHost.Start(directory);
            var again = after.As(user);
            await again.Say("申請状況");
            Assert.Contains($"{Title}（作成途中・未送信）", AllText(again.Card));

            await again.Say(Command);
            Assert.Contains("作成途中の申請があります", AllText(again.Card));
            await again.Press("続きから再開");
            Assert.Contains("前回の続きから再開します。", AllText(again.Card));
            Assert.Contains($"{Title}（2/", AllText(again.Card));
            await again.Press("戻る");
            AssertStillFirstStepWithTypedValuesKept(again.Card, except: null, errors: 0);

            // Going back shows every answer, the ones filled in for the person too: the cards may be cut differently now.
            await again.Press("次へ");
            await FillRest(again);
            var number = await SubmitAndReadNumber(again);
            var record = after.Services.GetRequiredService<IRequestStore>().FindByNumber(number)!;
            Assert.Equal(user.Id, record.Applicant.UserId);
            foreach (var (field, value) in Steps[0].Where(a => a.Field != "applicantDepartment"))
            {
                Assert.Equal(value, record.Answers[field].Value);
            }
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task TheSameSubmitTwice_CreatesOneRecord_AndTheSecondReplySaysItIsAlreadyReceived()
    {
        var person = Host.Person();
        await Start(person);
        await FillToConfirmation(person);
        var submit = SubmitValue(person.Card, "送信");

        await person.Send(submit.DeepClone().AsObject());
        var number = Facts(person.Card)["受付番号"];
        await person.Send(submit.DeepClone().AsObject());

        Assert.Equal([$"この申請は受付済みです（{number}）。"], person.Texts);
        Assert.Empty(ReplyCards(person.Replies));
        Assert.Single(Host.Records.ListByApplicant(person.User.Id, 10));
    }

    [Fact]
    public async Task TwoSubmitsAtOnce_CreateOneRecord()
    {
        var person = Host.Person();
        await Start(person);
        await FillToConfirmation(person);
        var submit = SubmitValue(person.Card, "送信");

        var replies = await Task.WhenAll(
            PostAsync(Host.Client, CardSubmit(person.User, submit.DeepClone().AsObject())),
            PostAsync(Host.Client, CardSubmit(person.User, submit.DeepClone().AsObject())));

        var record = Assert.Single(Host.Records.ListByApplicant(person.User.Id, 10));
        Assert.Single(replies, r => ReplyCards(r.Replies).Any(c => AllText(c).Contains("を受け付けました")));
        Assert.Single(replies, r => Texts(r.Replies).Contains($"この申請は受付済みです（{record.Number}）。"));
    }

    [Fact]
    public async Task SomeoneElsesCard_IsRefused_AndChangesNothing()
    {
        var owner = Host.Person("山田 太郎");
        var stranger = Host.Person("佐藤 花子");
        await Start(owner);
        var ownersCard = owner.Card;

        var forged = SubmitValue(ownersCard, "次へ", Steps[0]);
        forged["f_" + Correctable.Field] = "佐藤が書き換えた";
        await stranger.Send(forged);
        Assert.Contains(stranger.Texts, t => t.StartsWith("この入力画面は見つかりませんでした。", StringComparison.Ordinal));
        Assert.Empty(ReplyCards(stranger.Replies));
        await stranger.Send(SubmitValue(ownersCard, "キャンセル"));
        Assert.Contains(stranger.Texts, t => t.StartsWith("この入力画面は見つかりませんでした。", StringComparison.Ordinal));

        // The owner's card still works: its nonce was not renewed and the draft was neither changed nor cancelled.
        await owner.Send(SubmitValue(ownersCard, "次へ", Steps[0]));
        Assert.Contains($"{Title}（2/", AllText(owner.Card));
        await FillFrom(owner, step: 1);
        Assert.Equal(PlainAnswer(Correctable.Field), Facts(owner.Card)[Correctable.Label]);

        await stranger.Send(SubmitValue(owner.Card, "送信"));
        Assert.DoesNotContain(stranger.Texts, t => t.Contains("受付済み"));
        Assert.Empty(Host.Records.ListByApplicant(stranger.User.Id, 10));
        Assert.Empty(Host.Records.ListByApplicant(owner.User.Id, 10));

        var number = await SubmitAndReadNumber(owner);
        Assert.Equal(owner.User.Id, Host.Records.FindByNumber(number)!.Applicant.UserId);
    }
}
