using Isms.Workflows.Forms;
using Isms.Workflows.Forms.Prefill;
using Isms.Workflows.Procedures;
using Isms.Workflows.Tests.Support;

namespace Isms.Workflows.Tests;

/// <summary>Today is Thursday 26 November 2026 (Japan) throughout.</summary>
public sealed class PrefillExtractorFacts
{
    private static readonly DateOnly Today = FormHarness.Today;

    [Theory]
    [InlineData("今日持ち出します", "2026-11-26", null)]
    [InlineData("明日USBで資料持ち出したい", "2026-11-27", null)]
    [InlineData("明後日の会議", "2026-11-28", null)]
    [InlineData("来週月曜に持ち出したい", "2026-11-30", null)]
    [InlineData("来週金曜", "2026-12-04", null)]
    [InlineData("月曜に", "2026-11-30", null)]
    [InlineData("12月3日に県庁へ", "2026-12-03", null)]
    [InlineData("12/3に県庁へ", "2026-12-03", null)]
    [InlineData("2026年12月3日", "2026-12-03", null)]
    [InlineData("2026/12/3", "2026-12-03", null)]
    [InlineData("１２月３日", "2026-12-03", null)]
    [InlineData("1月5日", "2027-01-05", null)]
    [InlineData("3日から2日間", "2026-12-03", "2026-12-04")]
    [InlineData("明日から2日間", "2026-11-27", "2026-11-28")]
    [InlineData("12/3〜12/5で", "2026-12-03", "2026-12-05")]
    [InlineData("12月3日から12月5日まで", "2026-12-03", "2026-12-05")]
    [InlineData("明日から二日間", "2026-11-27", "2026-11-28")]
    [InlineData("明日から1泊2日で", "2026-11-27", "2026-11-28")]
    [InlineData("明日、3日間", "2026-11-27", "2026-11-29")]
    [InlineData("12月1日から十日間", "2026-12-01", "2026-12-10")]
    public void FutureDates(string text, string from, string? until)
    {
        var mention = JapaneseDateExtractor.Extract(text, Today, DateDirection.Future);

        Assert.NotNull(mention);
        Assert.Equal(from, FieldValues.FormatDate(mention.From));
        Assert.Equal(until, mention.Until is { } u ? FieldValues.FormatDate(u) : null);
    }

    [Theory]
    [InlineData("昨日メールを誤送信した", "2026-11-25")]
    [InlineData("一昨日", "2026-11-24")]
    [InlineData("さっき送ってしまった", "2026-11-26")]
    [InlineData("11月30日に紛失", "2025-11-30")]
    [InlineData("20日に気付いた", "2026-11-20")]
    [InlineData("28日に", "2026-10-28")]
    [InlineData("月曜に", "2026-11-23")]
    public void PastDates(string text, string expected)
    {
        var mention = JapaneseDateExtractor.Extract(text, Today, DateDirection.Past);

        Assert.Equal(expected, mention is null ? null : FieldValues.FormatDate(mention.From));
    }

    [Theory]
    [InlineData("USBで資料持ち出したい")]
    [InlineData("2日間だけ")]
    [InlineData("2月30日")]
    [InlineData("5時間くらい")]
    public void NoDate(string text) => Assert.Null(JapaneseDateExtractor.Extract(text, Today, DateDirection.Future));

    [Theory]
    [InlineData("午後2時から", "14:00")]
    [InlineData("14時半から", "14:30")]
    [InlineData("9:05開始", "09:05")]
    [InlineData("10時15分", "10:15")]
    [InlineData("5時間", null)]
    public void Times(string text, string? expected)
    {
        var time = PrefillExtractor.Extract(text, Today, DateDirection.Future).Time;

        Assert.Equal(expected, time is { } t ? FieldValues.FormatTime(t) : null);
    }

    [Theory]
    [InlineData("USBで資料持ち出したい", "usb")]
    [InlineData("USBメモリを持ち出す", "usb")]
    [InlineData("ノートPC持ち出し", "terminal")]
    [InlineData("パソコンを持って帰りたい", "terminal")]
    [InlineData("書類を持ち出したい", "paper")]
    [InlineData("紙の台帳", "paper")]
    [InlineData("公用スマホを持ち出す", "smartphone")]
    [InlineData("外付けHDDを持っていく", "other_media")]
    [InlineData("資料を持ち出したい", null)]
    public void ItemKinds(string text, string? expected) =>
        Assert.Equal(expected, PrefillExtractor.Extract(text, Today, DateDirection.Future).ItemKind);

    [Theory]
    [InlineData("県のZoomに招待された", "zoom", "群馬県")]
    [InlineData("総務省のWebex会議", "webex", "総務省")]
    [InlineData("館林市のTeams会議に参加", "teams", "館林市")]
    [InlineData("google meetで打合せ", "google_meet", null)]
    [InlineData("ズームで会議", "zoom", null)]
    public void MeetingServiceAndHost(string text, string? service, string? host)
    {
        var facts = PrefillExtractor.Extract(text, Today, DateDirection.Future);

        Assert.Equal(service, facts.MeetingService);
        Assert.Equal(host, facts.HostOrganisation);
    }

    [Theory]
    [InlineData("kintone使いたい", "kintone")]
    [InlineData("Kintoneを使いたい", "Kintone")]
    [InlineData("Boxでファイル共有したい", "Box")]
    [InlineData("Dropboxを使いたい", "Dropbox")]
    [InlineData("Google ドライブで共有", "Google ドライブ")]
    [InlineData("LINE WORKSを導入したい", "LINE WORKS")]
    [InlineData("Miroを使いたい", "Miro")]
    [InlineData("クラウドを使いたい", null)]
    public void CloudServiceAsTyped(string text, string? expected) =>
        Assert.Equal(expected, PrefillExtractor.Extract(text, Today, DateDirection.Future).CloudService);

    [Theory]
    [InlineData("公用スマホなくした", "loss_theft")]
    [InlineData("USBを紛失しました", "loss_theft")]
    // A thing missing from where it was left, or taken.
    [InlineData("机に置いてた記録の綴りが1冊ない", "loss_theft")]
    [InlineData("車に置いたタブレットが見つからない", "loss_theft")]
    // Searched and not found, as the word table reads it: the kind is prefilled too.
    [InlineData("タブレットがない ロッカーも車も探した", "loss_theft")]
    [InlineData("鞄の中を探してもUSBがない", "loss_theft")]
    [InlineData("コンビニに書類を忘れてきた", "loss_theft")]
    [InlineData("公用スマホ、きのう救急車にわすれてきたっぽい", "loss_theft")]
    [InlineData("電車でリュックから書類ケースをぬすまれた", "loss_theft")]
    [InlineData("ウイルスに感染したかも", "malware")]
    [InlineData("マルウェアの警告が出た", "malware")]
    [InlineData("変な添付を開いた", "malware")]
    // A zip opened, a link followed to a page that took the password, adware after a download.
    [InlineData("請求書っていうzipを開いちゃった", "malware")]
    [InlineData("メールのリンクから行ったログイン画面にパスワードを入れてしまった", "malware")]
    [InlineData("フリーソフトを落としてから、ブラウザが勝手に広告のページを開く", "malware")]
    [InlineData("誰かが私のIDでログインしたらしい", "unauthorized_access")]
    [InlineData("Teamsで自分の名前のメッセージがみんなに飛んでるらしい。自分は送ってない", "unauthorized_access")]
    // Ransomware: files renamed all at once, or no longer opening after a change.
    [InlineData("共有フォルダのファイルが全部「.crypt」って名前に変わった", "malware")]
    [InlineData("エクセルのアイコンが白く変わってて開けない", "malware")]
    [InlineData("メール誤送信しちゃった", "misdelivery")]
    // A lost note with a password on it is a password leak first: its question and first response are shown.
    [InlineData("パスワードを書いた付箋を貼った手帳を落とした", "leak")]
    [InlineData("サインイン画面にIDとパスワード入れた", "malware")]
    [InlineData("不正アクセスされた", "unauthorized_access")]
    [InlineData("身に覚えのないサインイン要求を承認してしまった", "unauthorized_access")]
    [InlineData("情報システムを名乗る電話でパスワード教えちゃった", "leak")]
    [InlineData("QRコードから出たログイン画面で職場のアカウントでログインしちゃった", "leak")]
    [InlineData("フリーソフトをDLしてからブラウザが勝手に立ち上がる", "malware")]
    // A browser taken over: searches sent to an unknown site, after an extension was added.
    [InlineData("Chromeで検索すると見たことないサイトに飛ばされる", "malware")]
    [InlineData("昨日入れた拡張機能のせいか、スタートページが変わった", "malware")]
    [InlineData("ホームページの更新担当が変わった", null)]
    [InlineData("よく分からない", null)]
    public void IncidentKinds(string text, string? expected) =>
        Assert.Equal(expected, PrefillExtractor.Extract(text, Today, DateDirection.Past).IncidentKind);

    [Theory]
    [InlineData("メールのリンクから行ったログイン画面にパスワードを入れてしまった", true)]
    [InlineData("情報システムを名乗る電話でパスワード教えちゃった", true)]
    [InlineData("偽サイトにIDとぱすわーど打ち込んだ", true)]
    [InlineData("ワンタイムの確認コードを相手に伝えてしまいました", true)]
    [InlineData("パスワードが漏れたかもしれない", true)]
    [InlineData("身に覚えのないサインイン要求を承認してしまった", true)]
    [InlineData("サインインの承認が何度も来るので一度「承認」を押してしまった", true)]
    [InlineData("QRコードから出たログイン画面で職場のアカウントでログインしちゃった", true)]
    [InlineData("モニターに貼ったパスワードのメモが来客の写真に写ってたかも", true)]
    [InlineData("机に貼ってたパスワードの付箋、業者さんに撮影されたかもしれない", true)]
    [InlineData("暗証番号を書いた紙を現場で落とした", true)]
    [InlineData("ぱすわーど書いたメモ、どこかで無くしちゃった", true)]
    [InlineData("ぱすわーどメモってた手帳どっかでおとしたっぽい", true)]
    [InlineData("パスワードを忘れてログインできない", false)]
    [InlineData("Androidにアプリを入れたら警告が出た", false)]
    [InlineData("IDカードを入れたまま席を離れた", false)]
    [InlineData("パスポートを入れた鞄をなくした", false)]
    public void PasswordGiven(string text, bool expected) =>
        Assert.Equal(expected, PrefillExtractor.Extract(text, Today, DateDirection.Past).PasswordGiven);

    [Theory]
    [InlineData("市民の人から、うちの署のアドレスから請求のメールが来たって電話。送った覚えは全くない", true)]
    [InlineData("Teamsで私の名前で知らないリンクがみんなに送られてるらしい", true)]
    [InlineData("海外からサインインがありましたって通知が来た", true)]
    [InlineData("アカウントのっとられたかも", true)]
    [InlineData("住所を間違えてメールを送ってしまった", false)]
    [InlineData("スマホを電車に置き忘れました", false)]
    public void AccountMisused_PrefillsThePasswordQuestion_AsNotKnown(string text, bool expected)
    {
        Assert.Equal(expected, PrefillExtractor.Extract(text, Today, DateDirection.Past).AccountMisused);
        Assert.Equal(expected, PrefillExtractor.FirstResponseClauses(text).Contains(IncidentReportDefinition.PasswordClause));
    }

    [Theory]
    [InlineData("取引先から、うちの係のアドレスで請求書のメールが届いたって電話があった", "outside")]
    [InlineData("住民の方から個人情報がネットに載ってるとお電話をいただきました", "outside")]
    [InlineData("部下からUSBをなくしたと報告がありました", "staff")]
    [InlineData("公用スマホをなくしました", null)]
    public void WhoToldOfIt_IsReadFromTheWords(string text, string? expected) =>
        Assert.Equal(expected, PrefillExtractor.Extract(text, Today, DateDirection.Past).ReportedBy);

    [Theory]
    // The word lists read no kind: the knowledge models' reading fills it.
    [InlineData("知らない番号から電話が来て言われるままにアプリ入れた", "6.4(3)⑦", "malware", false)]
    [InlineData("業者を名乗る電話でログインの文字列を口頭で答えた", "5.4(2)④", "leak", true)]
    // A fault word beside a suspected virus is the virus.
    [InlineData("急に動かない。知らないのがCPUを食ってる", "6.4(3)⑦", "malware", false)]
    // What the word lists read is kept: a lost phone stays a loss.
    [InlineData("スマホを電車に置き忘れました", "6.4(3)⑦", "loss_theft", false)]
    [InlineData("知らない番号から電話が来て言われるままにアプリ入れた", null, null, false)]
    public void ReportClauses_FillWhatTheWordListsMiss(string text, string? clause, string? kind, bool passwordGiven)
    {
        var facts = PrefillExtractor.Extract(text, Today, DateDirection.Past, clause is null ? null : [clause]);
        Assert.Equal(kind, facts.IncidentKind);
        Assert.Equal(passwordGiven, facts.PasswordGiven);
    }

    [Theory]
    [InlineData("明日から2日間、ノートPCを県の研修に持ち出します", "県の研修会場", "県の研修のため")]
    [InlineData("来週月曜にUSBを群馬県庁へ持っていきます", "群馬県庁", null)]
    [InlineData("明日から大阪出張にノートPCを持っていきます", "大阪", "大阪出張のため")]
    [InlineData("明日14時に書類を前橋市役所に持参します", "前橋市役所", null)]
    [InlineData("USBで資料持ち出したい", null, null)]
    public void DestinationAndPurpose(string text, string? destination, string? purpose)
    {
        var facts = PrefillExtractor.Extract(text, Today, DateDirection.Future);

        Assert.Equal(destination, facts.Destination);
        Assert.Equal(purpose, facts.Purpose);
    }

    [Theory]
    [InlineData("12月3日14時から16時まで、県の広域化検討会にZoomで参加します", "14:00", "16:00", "広域化検討会")]
    [InlineData("明日10時〜11時半、「消防指令連絡会」にTeamsで", "10:00", "11:30", "消防指令連絡会")]
    [InlineData("県のZoom会議に招待された", null, null, null)]
    public void MeetingTimesAndTitle(string text, string? start, string? end, string? title)
    {
        var facts = PrefillExtractor.Extract(text, Today, DateDirection.Future);

        Assert.Equal(start, facts.Time is { } s ? FieldValues.FormatTime(s) : null);
        Assert.Equal(end, facts.EndTime is { } e ? FieldValues.FormatTime(e) : null);
        Assert.Equal(title, facts.MeetingTitle);
    }

    [Fact]
    public void Mapper_FillsOnlyFieldsThatDeclareASource_AndOnlyValidChoices()
    {
        var catalog = new FormCatalog(new FormsOptions());

        var takeout = PrefillMapper.Map(catalog.Get(FormKind.TakeoutRequest), "ノートPCを明日から2日間", Today);
        var cloud = PrefillMapper.Map(catalog.Get(FormKind.CloudUseRequest), "明日からkintone使いたい", Today);

        Assert.Equal(new Dictionary<string, string> { ["itemKind"] = "terminal", ["startDate"] = "2026-11-27", ["endDate"] = "2026-11-28" }, takeout);
        Assert.Equal(new Dictionary<string, string> { ["serviceName"] = "kintone" }, cloud);
    }

    [Fact]
    public void Mapper_AnIncidentToldFromOutside_AndAnAccountMisused_FillWhoNoticedAndThePasswordQuestion()
    {
        var incident = new FormCatalog(new FormsOptions()).Get(FormKind.IncidentReport);

        var values = PrefillMapper.Map(incident, "市民の方から、うちのアドレスから変なメールが来たと電話。誰も送っていません", Today);

        Assert.Equal("outside", values[IncidentReportDefinition.ReportedBy]);
        Assert.Equal("unknown", values[IncidentReportDefinition.PasswordGiven]);
        Assert.Equal("unauthorized_access", values[IncidentReportDefinition.IncidentKind]);
    }
}
