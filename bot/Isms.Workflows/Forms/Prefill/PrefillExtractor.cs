using System.Text;
using System.Text.RegularExpressions;
using Isms.Workflows.Procedures;

namespace Isms.Workflows.Forms.Prefill;

/// <summary>What the person's own words already say. Values are the forms' choice codes, or text as typed.</summary>
public sealed record PrefillFacts(
    DateMention? Dates,
    TimeOnly? Time,
    string? ItemKind,
    string? MeetingService,
    string? HostOrganisation,
    string? CloudService,
    string? IncidentKind)
{
    /// <summary>The end of a time range ("14時から16時まで").</summary>
    public TimeOnly? EndTime { get; init; }

    /// <summary>Where something is taken ("県の研修に持ち出す" → 県の研修会場).</summary>
    public string? Destination { get; init; }

    /// <summary>What for, when the destination names an event ("県の研修に" → 県の研修のため).</summary>
    public string? Purpose { get; init; }

    /// <summary>A meeting's name (「広域化検討会」, 広域化検討会に).</summary>
    public string? MeetingTitle { get; init; }

    /// <summary>"invited" when the words say 招待 or 参加, "host" when they say 主催 and neither.</summary>
    public string? MeetingRole { get; init; }

    /// <summary>An ID, password or sign-in code typed into a page, told, or leaked ("偽のページにパスワード入れちゃった").</summary>
    public bool PasswordGiven { get; init; }

    /// <summary>Someone else may be using the person's account: mail or chat in their name that they did not write, a
    /// sign-in they did not make ("自分の名前でメッセージが飛んでる、送ってない"). Its password may have leaked (5.4(2)④)
    /// whether or not they gave it away, so the password question is prefilled 「分からない」.</summary>
    public bool AccountMisused { get; init; }

    /// <summary>"outside" when someone outside told of it (住民から電話があって), "staff" when a colleague did (部下から報告).</summary>
    public string? ReportedBy { get; init; }
}

/// <summary>Pure extraction of prefill facts from free text ("明日USBで資料持ち出したい", "県のZoomに招待された").</summary>
public static partial class PrefillExtractor
{
    // Order matters: the first match wins (a USB memory is media even when the sentence also says 資料).
    private static readonly (string Pattern, string Code)[] ItemKinds =
    [
        ("USB|ユーエスビー", "usb"),
        ("外付け|SDカード|microSD|メモリーカード|メモリカード|DVD|CD-?R|BD-?R|ブルーレイ|HDD|ハードディスク|SSD", "other_media"),
        ("スマホ|スマートフォン|携帯電話|公用携帯", "smartphone"),
        ("ノートPC|ノートパソコン|パソコン|PC|タブレット|iPad|端末", "terminal"),
        ("ソフトウェア|ソフト(?!バンク)|インストーラ", "software"),
        ("書類|紙|ファイル綴|台帳|印刷物|プリント", "paper"),
    ];

    private static readonly (string Pattern, string Code)[] MeetingServices =
    [
        ("zoom|ズーム", "zoom"),
        ("google ?meet|グーグルミート", "google_meet"),
        ("webex|ウェベックス|ウェブエックス", "webex"),
        ("teams|チームズ", "teams"),
    ];

    // Longest names first so that "Dropbox" is not read as "Box" and "LINE WORKS" not as "LINE".
    private static readonly string[] CloudServices =
    [
        "Google ドライブ", "Googleドライブ", "Google Drive", "Google フォーム", "Googleフォーム", "Google Workspace",
        "Microsoft 365", "Microsoft Forms", "LINE WORKS", "LINEWORKS", "サイボウズOffice", "ChatGPT", "Dropbox",
        "OneDrive", "SharePoint", "kintone", "キントーン", "Chatwork", "Backlog", "Notion", "Slack", "Canva",
        "Trello", "Evernote", "iCloud", "ギガファイル便", "firestorage", "Box", "LINE",
    ];

    private static readonly (string Pattern, string Code)[] IncidentKinds =
    [
        // Infection, a suspicious attachment or link opened, a ransom or warning screen (issue 14's classes): all get the
        // 6.4(3)⑦ first response, so a false alarm costs one card and a miss leaves a live machine on the network.
        ("ウイルス|ウィルス|ういるす|マルウェア|ランサム|変な添付|不審な添付|怪しい添付|感染|身代金|ビットコイン|暗号化され|払え|"
            + "(添付|リンク|URL|SMS|ファイル|マクロ|zip|圧縮)[^。]{0,20}(開い|ひらい|開け|クリック|押し|踏ん|タップ|実行|ダウンロード|有効)|"
            + "(リンク|URL)(から|で)[^。]{0,6}(行っ|飛ん|アクセス)|(サイト|ページ|画面)[^。]{0,20}(ID|パスワード)[^。]{0,12}(入力|入れ)(し)?(て|ちゃ|てしま|た)|"
            + "(ソフト|アプリ)[^。]{0,12}(落とし|ダウンロードし|ダウンロード|入れ|dlし|dl)てから|広告(だらけ|ばかり|が勝手)|"
            + "コンテンツの有効化|編集を有効|マクロを有効|フィッシング|偽の?(サイト|メール|ページ)|警告(画面|音|が出|が表示)|"
            + "infected|閉じられな|ポップアップ|画面が(チカチカ|おかしい|真っ暗)|(脅威|ウイルス|マルウェア)[^。]{0,10}(検出|検知)|defender|"
            + "(exe|プログラム|ソフト|アプリ)[^。]{0,12}(?<!普通に|ちゃんと|問題なく|今も|まだ)(動い|起動|実行|インストールされ)|"
            + "勝手に[^。]{0,15}(動|操作|再起動|インストール|実行|開|表示|立ち上が|起動)|遠隔操作|サポート詐欺|" + RenamedFiles + "|" + BrowserHijacked, "malware"),
        ("誤送信|送り間違|誤って送|誤送付|誤FAX|誤ファックス", "misdelivery"),
        (PasswordNoteLost, "leak"),
        // Also typed in hiragana (わすれてきた, ぬすまれた, ふんしつ), as the word table reads them through the kana respeller.
        ("なくし|無くし|失くし|紛失|ふんしつ|落とし|おとし(た|ちゃ|てしま|ちま)|置き忘れ|忘れてき|わすれてき|盗まれ|ぬすまれ|盗難|"
            + "見当たら|みあたら|見つから(ない|なく|ず)|みつから(ない|なく|ず)|持って(い)?かれ|盗られ|"
            + "(探し|さがし|捜し)(た|て(も|る|ます|たけど|みたけど))[^。]{0,20}(ない|無い|なかった|ありません)|(ない|無い|なくて|ありません)[^。]{0,15}(探し|さがし|捜し)(た|て)|"
            + "[0-9０-９一二三四五六七八九十]+ ?(冊|台|個|枚|部|本|つ)(が|も)? ?(ない|無い|足りない)|行方(が)?(わから|不明)", "loss_theft"),
        ("(サインイン|ログイン|認証)[^。]{0,12}(要求|通知|リクエスト|承認)|" + AccountMisusedWords, "unauthorized_access"),
        ("漏えい|漏洩|流出", "leak"),
        ("障害|止まっ|動かない|つながらない|繋がらない|ダウン", "outage"),
    ];

    // A note with a password on it lost with whatever held it: a password leak first (5.4(2)④), then a loss.
    private const string PasswordNoteLost =
        "(?:パスワード|ぱすわーど|暗証番号)[^。]{0,12}(?:メモ|付箋|紙|手帳)[^。]{0,20}(?:なくし|無くし|落とし|おとし|紛失|見当たら|盗まれ)|"
        + "(?:なくし|無くし|落とし|おとし|紛失|盗まれ)[^。]{0,20}。?[^。]{0,30}(?:パスワード|ぱすわーど|暗証番号)[^。]{0,10}(?:メモ|付箋|紙|手帳)";

    // A browser taken over: searches sent to a site never seen, a start page changed, after an extension was added.
    private const string BrowserHijacked =
        "(検索(すると|したら|しても|結果|サイト|エンジン|画面)|スタートページ|起動時の(ページ|画面))[^。]{0,15}(飛ばされ|変わっ|変えられ|書き換わ)|"
        + "(検索|ブラウザ|edge|chrome|クローム|エッジ)[^。]{0,25}(見たこと(が|の)?ない|知らない|変な)[^。]{0,10}(サイト|ページ)に(飛ばされ|飛ぶ|飛ん|移動)|"
        + "(拡張機能|アドオン|プラグイン)[^。]{0,12}(のせい|が原因|入れてから|入れたら|追加してから)";

    // Ransomware: files renamed all at once (「.locked」みたいな名前に変わって) or that no longer open after a change.
    private const string RenamedFiles =
        "拡張子[^。]{0,15}(変わ|おかし|知らない|見たことな|見慣れな)|\\.[a-z0-9]{2,12}[」』\"']?[^。]{0,10}(名前|拡張子|ファイル名)に?(変わ|なっ)|"
        + "(ファイル|エクセル|ワード|データ|名前|アイコン)[^。]{0,25}(変わ|書き換わ)(って|った|ってる|ってい|ってた)[^。]{0,20}(開け|開か|ひらけ|読めな)|"
        + "(ファイル|エクセル|ワード|データ|フォルダ|書類)[^。]{0,15}(全部|全て|すべて|一斉に|まとめて)[^。]{0,10}(開けな|開かな|ひらけな|読めな)|"
        + "仕込まれ|(データ|ファイル)[^。]{0,6}暗号化し";

    // The person's own account used by someone else: sent or posted in their name without them, a sign-in not theirs.
    private const string AccountMisusedWords =
        "乗っ取|のっと(ら|り|られ)|不正(ログイン|アクセス|利用)|なりすま|成りすま|"
        + "(送った|送信した|書いた|投稿した|出した|変えた|変更した|設定した)(覚え|記憶)(が|は|も)?[^。]{0,6}(ない|無い|なく|ありません|ねえ)|"
        + "(そんな|こんな)(メール|メッセージ|もの|の)?[^。]{0,4}(送って|出して|送信して)(い|ね|な)?(ない|ません|ねえ)|送る?わけ(ない|ねー|ねえ|がない)|"
        + "(誰も|だれも)[^。]{0,6}(送って|送信して|書いて|投稿して)(い)?(ない|ません)|"
        + "(サインイン|ログイン)(を)?(承認|許可)しますか|(転送|ルール)[^。]{0,20}(いつの間|勝手|知らない|覚えのない)|勝手に[^。]{0,6}(変えられ|変更され)|"
        + "身に覚えの(ない|無い)[^。]{0,12}(メール|メッセージ|投稿|ログイン|サインイン|送信|チャット|書き込み)|"
        + "(自分|私|僕|俺|わたし|あたし|本人)(は|が|じゃ|では)?[^。]{0,6}(送って|送信して|書いて|投稿して)(い|ね|な)?(ない|ません|ねえ)|"
        + "(自分|私|僕|俺|わたし|あたし)の(名前|アカウント|ID|アドレス|メアド|Teams|チームズ|チャット|LINE)(で|から)[^。]{0,30}(送られ|届い|飛んで|投稿され|ばらまかれ|出回|流れて)|"
        + "(知らない|見知らぬ|不明な|海外|外国|新しい|別の|いつもと違う)[^。]{0,12}(から|で)[^。]{0,6}(の)?(ログイン|サインイン|アクセス)(?![^。]{0,6}(ても|でき|可能|して(いい|大丈夫)))|"
        + "(ログイン|サインイン)[^。]{0,12}(履歴|通知|記録)[^。]{0,20}(知らない|覚えのない|おかしい|変な|海外|不明)|"
        + "パスワード[^。]{0,12}(変えられ|勝手に変わ)|(ID|アカウント)[^。]{0,10}(使われ|入られ|ログインされ)|誰か(が|に)[^。]{0,10}(ID|アカウント)(で|を)";

    [GeneratedRegex(@"(住民|市民|通報者|取引先|業者|先方|相手方|事業所|病院|他団体|他市|よその|県の|市役所|役場|外部の(人|方)|知らない人|友達|友人|お客)(さん|様|の方|の人|の担当(者)?(さん|の方)?)?(から|より)[^。]{0,25}(電話|連絡|通報|メール|問い合わせ|問合せ|指摘|苦情|言われ|聞い|返信)")]
    private static partial Regex ToldByOutsider();

    [GeneratedRegex(@"(部下|係員|職員|同僚|後輩|先輩|上司|係長|課長|当直の人|隊員|班員)(さん)?(から|より)[^。]{0,25}(報告|連絡|相談|申し出|言われ|聞い|電話)")]
    private static partial Regex ToldByColleague();

    [GeneratedRegex(AccountMisusedWords, RegexOptions.IgnoreCase)]
    private static partial Regex AccountMisusedPattern();

    [GeneratedRegex(@"(?<ampm>午前|午後)?(?<h>\d{1,2})時(?!間)(?:(?<half>半)|(?<min>\d{1,2})分)?|(?<h>\d{1,2}):(?<min>\d{2})")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^\s*(?:から|～|〜|~|－|-)\s*(?:(?<ampm>午前|午後)?(?<h>\d{1,2})時(?!間)(?:(?<half>半)|(?<min>\d{1,2})分)?|(?<h>\d{1,2}):(?<min>\d{2}))")]
    private static partial Regex EndTimeAfter();

    [GeneratedRegex(@"(?<org>[\p{IsCJKUnifiedIdeographs}]{1,4}(?:県|市|町|村|省|庁|消防局|警察署|警察本部|協議会|協会|大学|病院))")]
    private static partial Regex OrganisationPattern();

    // The place right before に/へ and a verb of taking or going, up to a particle or a comma: "ノートPCを県の研修に持ち出す".
    [GeneratedRegex(@"(?<place>[^\s、。,.!?！？をがはもでとにへ]{1,20})(?:に|へ)(?=[^。]{0,20}?(?:持ち出|持出|持って|持参|持ち帰|持帰|運|出張|出かけ|行))")]
    private static partial Regex PlaceBeforeVerb();

    [GeneratedRegex(@"^(?:から|まで|より|の)+")]
    private static partial Regex LeadingParticles();

    [GeneratedRegex(@"(?:研修会|研修|会議|説明会|講習会|講習|訓練|打合せ|打ち合わせ|会合|検討会|協議会|連絡会|セミナー|イベント|出張)$")]
    private static partial Regex EventWord();

    [GeneratedRegex(@"[「『](?<title>[^」』]{2,60})[」』]|(?<title>[^\s、。,.!?！？をがはもでとにへのから]{2,30}(?:会議|検討会|研修会|説明会|協議会|連絡会|セミナー))")]
    private static partial Regex MeetingTitlePattern();

    [GeneratedRegex(@"^(?:zoom|teams|webex|web|google ?meet|ズーム|チームズ|オンライン|リモート|ウェブ)?(?:会議)?$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericMeeting();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9 .\-]{1,30}?)\s*(?:を|が)?\s*(?:使いたい|使用したい|利用したい|導入したい|使えますか|使っていい)")]
    private static partial Regex ServiceBeforeVerb();

    // 「県主催の会議に出ます」 is an invitation; 「会議を主催します」 is hosting.
    [GeneratedRegex(@"招待|参加|主催の|出席|出たい|出ます|出る")]
    private static partial Regex InvitedMeeting();

    [GeneratedRegex(@"主催(?:し|す|予定|側|者として)")]
    private static partial Regex HostedMeeting();

    // Typed, told or answered (past or in progress), leaked, or a sign-in request approved that the person did not make.
    [GeneratedRegex(@"(?:パスワード|ぱすわーど|パス(?!ポ)|(?<![a-z])(?:PW|ID)(?![a-z]|カード)|暗証番号|認証コード|確認コード|ワンタイム)[^。]{0,15}(?:入力し|入れ|打ち込ん|打っ|教え|伝え|言っ|答え|送っ|送信し)(?:ちゃ|ちま|てしま|た|だ|て)|"
        + @"(?:パスワード|ぱすわーど|暗証番号)[^。]{0,8}(?:漏れ|もれ|流出|盗まれ|バレ|ばれ|知られ)|"
        + @"(?:サインイン|ログイン|認証)[^。]{0,12}(?:要求|通知|リクエスト|承認)[^。]{0,25}(?:承認し|許可し|押し|タップし)|"
        + @"(?:ログイン|サインイン)(?:画面|ページ)[^。]{0,30}(?:ログインし|サインインし|入力し)(?:ちゃ|ちま|てしま|た)|"
        + @"(?:パスワード|ぱすわーど|付箋)[^。]{0,30}(?:写って|写り|映って|映り|撮られ|撮影され|見られ|覗かれ|のぞかれ|盗み見)|"
        + PasswordNoteLost, RegexOptions.IgnoreCase)]
    private static partial Regex PasswordGiven();

    /// <summary>The facts in <paramref name="text"/>. <paramref name="reportClauses"/> are the clauses the knowledge
    /// models read a report as needing (6.4(3)⑦ a suspected virus, 5.4(2)④ a password given away); they fill what these
    /// word lists miss, so that a report worded in no foreseen way still gets its first response.</summary>
    public static PrefillFacts Extract(string text, DateOnly today, DateDirection direction, IReadOnlyCollection<string>? reportClauses = null)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var (destination, purpose) = ExtractDestination(normalized);
        var (kind, passwordGiven, accountMisused) = ReadIncident(normalized, reportClauses);
        return new PrefillFacts(
            JapaneseDateExtractor.Extract(normalized, today, direction),
            ExtractTime(normalized),
            FirstCode(normalized, ItemKinds),
            FirstCode(normalized, MeetingServices),
            ExtractHostOrganisation(normalized),
            ExtractCloudService(normalized),
            // A password given with no other kind named is a leak, so its question and first response are shown.
            kind ?? (passwordGiven ? "leak" : null))
        {
            EndTime = ExtractEndTime(normalized),
            Destination = destination,
            Purpose = purpose,
            MeetingTitle = ExtractMeetingTitle(normalized),
            MeetingRole = InvitedMeeting().IsMatch(normalized) ? "invited" : HostedMeeting().IsMatch(normalized) ? "host" : null,
            PasswordGiven = passwordGiven,
            AccountMisused = accountMisused,
            ReportedBy = ToldByOutsider().IsMatch(normalized) ? "outside" : ToldByColleague().IsMatch(normalized) ? "staff" : null,
        };
    }

    /// <summary>The clauses whose first response an incident report in these words shows at once, as the report form's
    /// rules would: 6.4(3)⑦ for a suspected virus, 5.4(2)④ for a password given away or an account misused.</summary>
    public static IReadOnlyList<string> FirstResponseClauses(string text, IReadOnlyCollection<string>? reportClauses = null)
    {
        var (kind, passwordGiven, accountMisused) = ReadIncident(text.Normalize(NormalizationForm.FormKC), reportClauses);
        var clauses = new List<string>();
        if (kind == "malware")
        {
            clauses.Add(MalwareFirstResponse.Clause);
        }

        if (passwordGiven || accountMisused)
        {
            clauses.Add(IncidentReportDefinition.PasswordClause);
        }

        return clauses;
    }

    private static (string? Kind, bool PasswordGiven, bool AccountMisused) ReadIncident(string normalized, IReadOnlyCollection<string>? reportClauses)
    {
        var passwordGiven = PasswordGiven().IsMatch(normalized) || reportClauses?.Contains(IncidentReportDefinition.PasswordClause) == true;
        var kind = FirstCode(normalized, IncidentKinds);
        // A fault word (止まった, 動かない) read beside a suspected virus is the virus: its first response comes first.
        if (kind is null or "outage" && reportClauses?.Contains(MalwareFirstResponse.Clause) == true)
        {
            kind = "malware";
        }

        return (kind, passwordGiven, AccountMisusedPattern().IsMatch(normalized));
    }

    private static string? FirstCode(string text, (string Pattern, string Code)[] table) =>
        table.FirstOrDefault(t => Regex.IsMatch(text, t.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).Code;

    private static TimeOnly? ExtractTime(string text) => ToTime(TimePattern().Match(text));

    private static TimeOnly? ExtractEndTime(string text)
    {
        var start = TimePattern().Match(text);
        return start.Success ? ToTime(EndTimeAfter().Match(text[(start.Index + start.Length)..])) : null;
    }

    private static TimeOnly? ToTime(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value);
        var minute = match.Groups["half"].Success ? 30 : match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value) : 0;
        if (match.Groups["ampm"].Value == "午後" && hour < 12)
        {
            hour += 12;
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>A named body (群馬県, 館林市, 総務省, 消防庁) as typed; a bare 県 means 群馬県.</summary>
    private static string? ExtractHostOrganisation(string text)
    {
        var named = OrganisationPattern().Match(text);
        if (named.Success)
        {
            return named.Groups["org"].Value;
        }

        return text.Contains('県') ? "群馬県" : null;
    }

    /// <summary>
    /// The place before 「に持ち出す」 and the like, with date and time words left out. An event as the place ("県の研修")
    /// gives the purpose too: the place is its venue (県の研修会場), and a trip (東京出張) is to the town.
    /// </summary>
    private static (string? Destination, string? Purpose) ExtractDestination(string text)
    {
        var withoutTimes = TimePattern().Replace(text, "、");
        var match = PlaceBeforeVerb().Match(JapaneseDateExtractor.Blank(withoutTimes));
        if (!match.Success)
        {
            return (null, null);
        }

        // "明日から大阪出張に": the date is blanked out, its から is not part of the place.
        var place = LeadingParticles().Replace(match.Groups["place"].Value, "");
        if (place.Length == 0 || place.All(char.IsAsciiLetterOrDigit))
        {
            return (null, null);
        }

        if (!EventWord().IsMatch(place))
        {
            return (place, null);
        }

        var destination = place.EndsWith("出張", StringComparison.Ordinal) ? place[..^2].TrimEnd('の') : place + "会場";
        return (destination.Length == 0 ? null : destination, place + "のため");
    }

    private static string? ExtractMeetingTitle(string text)
    {
        foreach (Match match in MeetingTitlePattern().Matches(text))
        {
            var title = match.Groups["title"].Value.Trim();
            if (!GenericMeeting().IsMatch(title))
            {
                return title;
            }
        }

        return null;
    }

    private static string? ExtractCloudService(string text)
    {
        foreach (var name in CloudServices)
        {
            var index = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (index >= 0 && IsWordBoundary(text, index, name.Length))
            {
                return text.Substring(index, name.Length);
            }
        }

        var beforeVerb = ServiceBeforeVerb().Match(text.Trim());
        return beforeVerb.Success ? beforeVerb.Groups["name"].Value.Trim() : null;
    }

    private static bool IsWordBoundary(string text, int index, int length)
    {
        static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c);
        var before = index == 0 || !IsAsciiWord(text[index - 1]);
        var after = index + length >= text.Length || !IsAsciiWord(text[index + length]);
        return before && after;
    }
}
