namespace Isms.Knowledge.Tests;

/// <summary>Reports and requests in any tense and politeness start their procedure; questions about the rules do not.</summary>
public class ProcedureDetectorFacts
{
    private static readonly ProcedureDetector Detector = ProcedureDetector.LoadEmbedded(PolicyAnswerer.DefaultAnalyzer.Value);

    [Theory]
    [InlineData("公用スマホをなくしました", "incident_report")]
    [InlineData("USBメモリ、なくしたかもしれません…", "incident_report")]
    [InlineData("研修の帰りにノートパソコンを盗まれました", "incident_report")]
    [InlineData("怪しいメールの添付ファイルを開いてしまった", "incident_report")]
    [InlineData("リンクを開いたら変な画面が出てて閉じられない", "incident_report")]
    [InlineData("サーバー室の鍵が開いたままになってました", "incident_report")]
    // 誰か, どこか, いつか say "someone, somewhere, some time": they are no question words.
    [InlineData("ロッカーに入れといたら公用スマホが無くなってて、誰かに持っていかれたみたいです", "incident_report")]
    [InlineData("出張から戻ったらカバンにUSBがなくて、どこかで落としたみたいです", "incident_report")]
    [InlineData("宛先を間違えてメールを送ってしまいました", "misdelivery_report")]
    [InlineData("誤送信の 報告フォーム", "misdelivery_report")]
    [InlineData("BCCにし忘れてアドレス丸見え、報告あげます", "misdelivery_report")]
    [InlineData("資料をUSBで持って帰りたいのですが、どういう手続きが必要ですか", "takeout_request")]
    [InlineData("電子契約サービスを使いたいので申請します", "cloud_use_request")]
    [InlineData("市民の方から、組合を名乗る不審なメールが届いたと電話がありました", "incident_report")]
    [InlineData("誤送信報告の様式ください", "misdelivery_report")]
    [InlineData("明日ノートPCを県の研修に持ち出します", "takeout_request")]
    [InlineData("USBを持っていく予定です。手続きお願いします", "takeout_request")]
    [InlineData("Zoomの招待が届いたので参加したいです", "web_meeting_request")]
    [InlineData("くらうど利用申請の様式ください", "cloud_use_request")]
    [InlineData("文書管理システムが朝から止まっていて使えません", "fault_report")]
    [InlineData("指令台の端末がフリーズして動かなくなりました", "fault_report")]
    [InlineData("システム障害を報告します", "fault_report")]
    [InlineData("ファイルが全部開けなくなって、ビットコインで払えという画面が出ています", "incident_report")]
    [InlineData("フリーソフトをパソコンに入れたいです", "software_change_request")]
    [InlineData("メモリを増設したいので申請します", "software_change_request")]
    [InlineData("ウイルス対策ソフトの設定を一時的に変えたい", "software_change_request")]
    [InlineData("私物のiPadを現場で使いたいです", "outside_device_request")]
    [InlineData("業者からもらったUSBを使いたい", "outside_device_request")]
    [InlineData("警察から救急記録の照会が来たので提供したい", "information_provision_request")]
    [InlineData("病院に傷病者の情報を渡したいです", "information_provision_request")]
    [InlineData("リース切れのパソコンを返却したいです", "disposal_request")]
    [InlineData("古いHDDを廃棄します", "disposal_request")]
    [InlineData("例外措置の申請をしたいです", "exception_measure_request")]
    [InlineData("メールの添付をひらいたら脅迫文みたいな画面が出た。インシデント報告あげます", "incident_report")]
    // Events in plain words, with no word for "report".
    [InlineData("査察の記録用紙が2枚足りない。強風で飛ばされたみたい", "incident_report")]
    [InlineData("書庫のキャビネット、朝来たら開いてた", "incident_report")]
    [InlineData("委託業者から「うちから共有フォルダが見えてます」と連絡があった。アクセス権の設定ミスっぽい", "incident_report")]
    [InlineData("SNSに載せた写真に名簿が写り込んでた", "incident_report")]
    [InlineData("自分のIDで夜中にログインがあったらしい。その時間は寝てた", "incident_report")]
    // Misdelivery by fax or post.
    [InlineData("FAX番号を押し間違えて照会票が別の会社に届いてしまいました", "misdelivery_report")]
    [InlineData("通知書を封入ミスして、よその事業所あてのが入ってたそうです", "misdelivery_report")]
    [InlineData("心電図のFAX、搬送先じゃないほうの病院に流しちゃいました", "misdelivery_report")]
    // A loaned device that never came back is a loss.
    [InlineData("退職した臨時の人に貸してたタブレット、まだ返ってきてないそうです", "incident_report")]
    // Takeout in plain future forms and a bare fragment with times.
    [InlineData("午後の査察、ノートPC持って出ます", "takeout_request")]
    [InlineData("あした研修会場にタブレットもってく予定です", "takeout_request")]
    [InlineData("USB持出 本日9時〜12時 消防学校", "takeout_request")]
    [InlineData("ウェブエックスの説明会に呼ばれた。申請どこ", "web_meeting_request")]
    [InlineData("DeepLで英文の資料を訳したいので申請します", "cloud_use_request")]
    // Something gone that was there, taken, tapped in a text message, open to outsiders, caught in a photo.
    [InlineData("職員証が見当たらない。朝まではあったのに", "incident_report")]
    [InlineData("駅で荷物を持ってかれた。公用スマホが入ってた", "incident_report")]
    [InlineData("SMSのリンクをつい押しちまった", "incident_report")]
    [InlineData("共有リンクが組織外のユーザーも閲覧可になってました", "incident_report")]
    [InlineData("来客の写真に付箋のパスワードが写っていたかもしれません", "incident_report")]
    // Misdelivery to an unknown number, a shifted address, "not for us".
    [InlineData("短縮ダイヤルがずれて知らない会社にFAXしてしまった", "misdelivery_report")]
    [InlineData("封筒の宛名が隣の家になっていたみたいです", "misdelivery_report")]
    [InlineData("先方から当方宛てではないと返信が来た", "misdelivery_report")]
    // Asking what to hand in, or whether the form can be done here; a plan with no question; a form said to be done.
    [InlineData("来週の研修にPC持っていくけど、何か出すものある？", "takeout_request")]
    [InlineData("タブレットを訓練に持っていきます。申請はここでできますか", "takeout_request")]
    [InlineData("ベンダーとWebexでつなぐことになった。明後日の14時", "web_meeting_request")]
    [InlineData("PCの持ち出しはもう出してあるので、Zoom会議の申請をしたいです", "web_meeting_request")]
    [InlineData("ウイルス対策ソフトが「脅威を検出」って何回も出ます", "incident_report")]
    [InlineData("病院に送るはずだったメールを前の業者のアドレスに送っちゃいました", "misdelivery_report")]
    // A fragment that names the thing and the occasion asks for the form; a finding noted in fragments is a report.
    [InlineData("ノートPC持ち出し 来週の消防学校研修", "takeout_request")]
    [InlineData("ずーむ 説明会参加", "web_meeting_request")]
    [InlineData("夜間点検 事務所の書庫 施錠なし", "incident_report")]
    // The IME's ご送信, an old number, a house one number off; a symptom going on now; a password typed past a link.
    [InlineData("ファックスをご送信しちゃいました", "misdelivery_report")]
    [InlineData("案内の封書、番地違いのお宅に届いてしまったようです", "misdelivery_report")]
    [InlineData("照会の回答を業者の古い番号にFAXしてた", "misdelivery_report")]
    [InlineData("フリーソフトを入れてからPCが勝手に再起動する", "incident_report")]
    [InlineData("メールのリンク先でIDとパスワードを入力した", "incident_report")]
    // Where the form is, asked in chat words; kana for 鍵; the IME's 餅出し; an address one letter off.
    [InlineData("Teamsの研修に招待きた 申請のやつどこ", "web_meeting_request")]
    [InlineData("Dropbox使いたいけど申請ってどっからやるの", "cloud_use_request")]
    [InlineData("朝来たら書庫のかぎ開いたままだった", "incident_report")]
    [InlineData("タブレット餅出ししたいです", "takeout_request")]
    [InlineData("見積のメール、アドレス1文字ちがいでよそに飛んでっちゃった", "misdelivery_report")]
    // Mail in the sender's name that they never sent is someone else sending as them: an incident, not a misdelivery.
    [InlineData("知らない人から、私のアドレスから変なメールが来たって言われた。私は送ってないです", "incident_report")]
    [InlineData("配信不能のエラーメールがたくさん返ってくる。そんなメール送ってないのに", "incident_report")]
    [InlineData("スマホに「新しい場所からのサインイン」って通知が来た", "incident_report")]
    // The sender's address of a mail received (送信元) is no address the person sent to.
    [InlineData("請求書のメールの添付を開いて「編集を有効にする」を押しちゃった。送信元のアドレスがいつもと違う", "incident_report")]
    // A thing missing from where it was left, a folder open to everyone, a password told to a caller.
    [InlineData("机に置いてた出動記録のファイルが1冊ない。誰も知らないって", "incident_report")]
    [InlineData("共有フォルダのアクセス権がEveryoneになってました", "incident_report")]
    [InlineData("業者を名乗る電話でパスワードを教えてくれと言われて、教えてしまいました", "incident_report")]
    // Misdelivery told as what was meant, a number swapped, a reply to the wrong resident, a mail merge out of line.
    [InlineData("見積書を送ったつもりが、添付したのは職員名簿だった", "misdelivery_report")]
    [InlineData("FAXの履歴を見たら、本来の送り先と番号が下2桁違ってました", "misdelivery_report")]
    [InlineData("住民への返信を、別の住民のメールに返してしまった", "misdelivery_report")]
    [InlineData("案内状の宛名と中身の氏名が一致しない封書を出してしまいました", "misdelivery_report")]
    // Asking whether the form can be done here is asking for it.
    [InlineData("決算の書類、家で見たいから持って帰ります。手続きここでできるん？", "takeout_request")]
    [InlineData("来週ZoomでA市と打ち合わせ。申請いけますか", "web_meeting_request")]
    // …unless the same sentence tells what happened.
    [InlineData("システム担当になった初日にサーバがウイルスに感染しました。どうすれば？", "incident_report")]
    // A たら whose clause ends in the past tells what was found: 「戻ったらなかった」 is no what-if.
    [InlineData("印刷所に原稿を忘れてきて、取りに行ったらもうなかった、これってどうすれば", "incident_report")]
    // Searched and not found; a post on social media that shows a patient.
    [InlineData("鍵がない 机もかばんも探した", "incident_report")]
    [InlineData("職員がフェイスブックに上げた写真に患者さんの顔が写ってる", "incident_report")]
    // A fragment with its date, the past tense of a godan verb (飛んだ), a webinar already registered for, a device
    // borrowed to take along.
    [InlineData("明後日タブレット持出", "takeout_request")]
    [InlineData("FAX番号1桁違いで他の事業所に飛んだ", "misdelivery_report")]
    [InlineData("県主催のウェビナーに参加登録しました", "web_meeting_request")]
    [InlineData("講習で使うから本部のノートPC借りてく", "takeout_request")]
    // A report's document asked for on its own; a question about the form followed by 「じゃあお願い」.
    [InlineData("FAX誤送信の報告書", "misdelivery_report")]
    [InlineData("外部とのZoomって申請いるんだよね？じゃあお願いします", "web_meeting_request")]
    // A device that "is not there", a program that brought ads after it was installed, a password typed into a page
    // found false afterwards, a fax meant for one place that went to another.
    [InlineData("すみません、研修で使ったUSBメモリがないです。中に名簿が入ってます", "incident_report")]
    [InlineData("無料ソフトをダウンロードして入れたら、それから広告がしょっちゅう出るようになった", "incident_report")]
    [InlineData("メールのリンクからログイン画面に行ってパスワード入れたんだけど、後でURLを見たら偽物だった", "incident_report")]
    [InlineData("FAXを本部に送るはずが、短縮ボタンを押し間違えて業者に行ってしまいました", "misdelivery_report")]
    [InlineData("課長あてのつもりが同じ名字の職員さんに届いてたそうです", "misdelivery_report")]
    // Told by what was noticed (「…がないことに気づきました」), by the screen after an install, by posts nobody wrote, by
    // what another company can see; labels shifted by one and letters swapped in their envelopes.
    [InlineData("出張から戻って荷物を片付けていたら、公用スマホがないことに気づきました", "incident_report")]
    [InlineData("フリーソフトをインストールしてから画面が真っ青になって再起動を繰り返してます", "incident_report")]
    [InlineData("署の公式アカウントから誰も書いてない宣伝の投稿が出てる", "incident_report")]
    [InlineData("業者さんから、うちの共有フォルダが向こうの会社のネットワークから見えてると連絡があった", "incident_report")]
    [InlineData("案内状の宛名シールを一枚ずらして貼ったまま30通出してしまいました", "misdelivery_report")]
    [InlineData("通知書を封筒に入れるとき取り違えて、別の事業所に届いていました", "misdelivery_report")]
    // A request as 頼む or as a polite 「させていただけますか」; a service named by what it does (文字起こし, 日程調整).
    [InlineData("来月、近隣本部とのウェブ会議をこっちで開く。段取りを頼む", "web_meeting_request")]
    [InlineData("研修会場にノートPCを持ち出させていただけますでしょうか", "takeout_request")]
    [InlineData("会議の議事録用にAIの文字起こしサービスを使えるようにしたいです", "cloud_use_request")]
    // Someone who tells their own plan and asks what to do next asks for the form.
    [InlineData("来週の講習会にノートPCを持っていく予定です。何をすればいいですか", "takeout_request")]
    [InlineData("Teamsで県との打合せをうちが主催することになったんだけど、何から準備すればいい？", "web_meeting_request")]
    [InlineData("Dropboxで業者と図面をやり取りしたいんですけど、何をすればいいですか", "cloud_use_request")]
    [InlineData("iPad 持ち出し 明後日の火災調査で使う", "takeout_request")]
    public void ReportsAndRequests_AreDetected(string message, string key) =>
        Assert.Equal(key, Detector.Detect(message)?.Key);

    // Only the words that ask to report make a what-if a report: an invitation (a web meeting's strong cue) does not.
    [Fact]
    public void AnInvitation_DoesNotMakeAWhatIfAMisdeliveryReport() =>
        Assert.Equal("web_meeting_request", Detector.Detect("Zoomの会議に招待されたんだけど、参加者にURLをメールするときBCCにしなきゃダメ？")?.Key);

    [Theory]
    [InlineData("もしUSBをなくしたら誰に報告するの？")]
    [InlineData("USBをなくしたら誰に報告する")]
    [InlineData("パソコンを盗まれたときはだれに連絡")]
    [InlineData("USBなくしたら連絡するの誰かな")]
    // A question typed as a bare noun phrase: 「…の対応」「…の連絡先」「許可をもらう相手」.
    [InlineData("公式SNSのアカウントが乗っ取られた時の対応")]
    [InlineData("警察に資料を提供するときの、許可をもらう相手")]
    [InlineData("再任用なので私の端末だけメールが使えないのですが、そういう決まりですか")]
    // サーバー室 is a room (4.2 管理区域): not being let in is no server fault.
    [InlineData("身分証を持ってくるのを忘れた日はサーバー室に入れないの？")]
    [InlineData("個人情報が漏れた場合どこに報告するの")]
    [InlineData("機密性2のデータを外に持ち出すとき誰の許可がいる？")]
    [InlineData("Zoomって業務で使っていいの？")]
    [InlineData("係員がUSBなくしたって言ってきた。俺から上へはどういう順番で上げるの？")]
    [InlineData("救急隊の感染防止対策ってどうなってる？")]
    [InlineData("もう要らなくなったUSBメモリのデータって消さないとダメ？")]
    [InlineData("システム障害が起きたら誰に報告するの？")]
    [InlineData("ソフトのインストールって誰の許可がいるの？")]
    [InlineData("私物スマホを仕事で使ってもいい？")]
    [InlineData("警察に情報を渡すときのルールは？")]
    // Something relayed by a citizen, then a question: the staff member asks whom to tell.
    [InlineData("住民の方から電話で「ホームページが変な画面になってる」と言われました。誰に伝えればいいですか")]
    // お願いしている describes a contract; it asks for nothing.
    [InlineData("保守をお願いしている会社の作業員がデータを持ち帰った疑いがあると連絡がありました。作業を止めてもらえますか？")]
    // A "please tell me" asks for no form.
    [InlineData("外部講師の方に資料をお渡しする予定ですが、どなたの許可が必要かご教示ください。")]
    [InlineData("隊員が現場写真をスマホで撮っちゃってる。署のSNSに載せちゃダメな情報ってある？")]
    [InlineData("私のパソコンだけネットが使えないみたいなんですが、これって何かの決まりなんでしょうか？")]
    [InlineData("私物スマホを署のWi-Fiにつなぎたいけど、それってアリか、つなぐ前の許可とり先")]
    // What someone else said (「…ください」) is not the sender's request.
    [InlineData("総務を名乗る人から「パスワードを確認させてください」と電話があった。答えて平気？")]
    // A suspicious sender is not a stranger in the office, and 「消しちゃっていい？」 asks permission.
    [InlineData("知らない人からzipの添付付きメールが来た。開かないで消しちゃっていい？")]
    // Delivering (届ける) is no form (届け出).
    [InlineData("書類をUSBで病院へ届けることになりました。持っていくのに許可はいりますか？")]
    // A case already reported is asked about.
    [InlineData("前になくした件、もう報告済みだけどこの後どうなるの？")]
    // A quiz or a drill's scenario asks for the rule.
    [InlineData("訓練の想定で「USBをなくした」場合の正解は？")]
    [InlineData("クイズです。誤送信したときの報告先は？")]
    [InlineData("前にUSBをなくした件、報告はもう上げてあるけど再発防止は誰が考えるの？")]
    // A plan followed by a question asks about the rules (the answer offers the form).
    [InlineData("USBを本部まで運ぶことになった。鍵付きケースに入れなきゃダメ？")]
    [InlineData("停電したらサーバって落ちるのかな")]
    [InlineData("生成AIって使うなら何か手続きいる？")]
    // A service said not to be a cloud service is no cloud-use request.
    [InlineData("クラウドとは別扱いのサービスの利用申請ってどこに出すの？")]
    [InlineData("Teams会議を主催するときって何か決まりある？申請とかいるの？")]
    // Someone else's words in quotes carry the topic, not the sender's request or report.
    [InlineData("業者さんから伝言です。「サーバ室に何か持ってくものはあるか」とのことです")]
    [InlineData("「PC動かない」みたいな障害の連絡も記録に残す必要ある？")]
    [InlineData("市民から「ホームページが変」って代表電話に連絡あった。誰に上げる？")]
    // 「査察やってます」 describes the sender; it asks for nothing.
    [InlineData("予防課で査察やってます。来週からタブレット持って回るけど、毎回許可とるの？")]
    // A class of cases (ああいうのって), a case elsewhere, and how far a manager reports are questions.
    [InlineData("よその市でUSBの紛失があったらしいけど、ああいうのって国にも報告するの？")]
    [InlineData("漏えいが起きた場合、管理者として報告をどこまで上げればいいですか")]
    // Something brought to the sender (持ってきてくれた) is no takeout.
    [InlineData("住民さんが申請書を署に持ってきてくれた。受付で預かっていいのかな？")]
    // A request already sent asks about its progress; a stomach virus is no computer virus.
    [InlineData("持ち出し申請は昨日出しました。許可は誰が出すんですか？")]
    [InlineData("ノロウイルスっぽいので明日は休みます。交代の連絡は誰に？")]
    // Who the sender is or what role they were given tells nothing that happened.
    [InlineData("CSIRT要員に任命されました。漏えいとかあったら公表までうちらでやるの？")]
    [InlineData("4月から係長になって管理者の役もついてきました。情報が漏れたっぽい時はまず誰に上げるんですか？")]
    // A search in the rules that finds nothing, and a program that runs as usual, tell no event.
    [InlineData("パスワードの桁数、要綱を読んでも見つからないんだけど何文字？")]
    [InlineData("古いバージョンのソフトだけど普通に動いてるし、このまま使っていいよね？")]
    // 「〜ってとき」 names a case; a what-to-do question with no plan of one's own asks about the rule.
    [InlineData("ウイルスに感染したかも、ってときの初動ってLANケーブル抜くんだっけ？研修で聞いた気がする")]
    [InlineData("USBを持ち出すときは何をすればいいですか")]
    [InlineData("タブレットがない人はどうすればいいですか")]
    // A file looked for in a folder, logs that are kept (取られてる), a certificate lost: no security event.
    [InlineData("共有フォルダの中で去年の訓練記録のファイルが見つからない。どこにある？")]
    [InlineData("職員のパソコンの操作ログって取られてるの？")]
    [InlineData("消防学校の修了証なくしちゃった、再発行ってできる？")]
    // 「…程度でも報告対象？」 asks where the rule stops, about a case, not one that happened.
    [InlineData("BCCにし忘れて内部の人に見えちゃった程度でも報告対象なの？")]
    // Asking leave to use someone else's ID is a question about the rule, not a report of an account misused.
    [InlineData("当直の夜、先輩のIDでログインしたままのPCで俺が続きを入力しちゃっていい？")]
    // A quiz question tells no event.
    [InlineData("問題です。怪しい添付を開いたあとPCの動きがおかしい。最初にやることは？")]
    public void QuestionsAboutTheRules_AreNoProcedure(string message) =>
        Assert.Null(Detector.Detect(message));

    [Theory]
    [InlineData("勤怠システムのパスワード、画面のどこから変えるの？")]
    [InlineData("消耗品の購入申請の出し方")]
    [InlineData("時間外勤務の事前許可は誰に出す？")]
    // General knowledge in the policy's words: the law itself, a famous case's aftermath, an exam.
    [InlineData("個人情報保護法の改正って何年に施行されたっけ")]
    [InlineData("ニュースでやってた病院のランサムウェア、結局どこから侵入されたの？")]
    [InlineData("情報セキュリティマネジメント試験って難しい？")]
    [InlineData("公用車を使うときの許可は誰からもらう？")]
    [InlineData("来月の当直表っていつ出るの？")]
    public void OtherRulesTopics_AreRecognised(string message) =>
        Assert.True(Detector.MentionsOutOfScopeTopic(message));

    // Adding parts to a device (6.1(18)) is a security topic, whatever the parts.
    [Theory]
    [InlineData("パソコンのメモリ足りないから家のやつ挿して増設してもいい？")]
    [InlineData("公用PCのSSDを大きいのに交換したい")]
    public void AddingPartsToADevice_IsASecurityTopic(string message) =>
        Assert.True(Detector.MentionsSecurityTopic(message));

    // Secured rooms and locked storage (4.2, 別表2) and the union's own devices (支給のスマホ, 2(2)③) are security topics,
    // whatever else the message names (空調, 家計簿).
    [Theory]
    [InlineData("空調の業者さんが夜来るんだけど、サーバー室の鍵だけ預けといていい？")]
    [InlineData("救急の記録票って鍵のかかるロッカーに入れとかないとだめ？")]
    [InlineData("支給のスマホで家計簿つけてもいいですか")]
    public void SecuredRoomsAndTheUnionsDevices_AreASecurityTopic(string message) =>
        Assert.True(Detector.MentionsSecurityTopic(message));

    // 当直 and 夜勤 set the scene of a firefighter's question; only the roster, the allowance and the like are another rule's.
    [Theory]
    [InlineData("当直中に後輩に聞かれた。パスワードって何文字以上？")]
    [InlineData("夜勤明けで帰る前にPCのロックってしなきゃだめ？")]
    public void ANightShiftScene_IsNoOtherRulesTopic(string message) =>
        Assert.False(Detector.MentionsOutOfScopeTopic(message));

    // Rubbish is the office's business, unless what is thrown out holds information (2(2)⑩, 廃棄).
    [Theory]
    [InlineData("事務所のゴミ出しって何曜日？", true, false)]
    [InlineData("壊れたUSBメモリ、燃えないゴミに出していい？", false, true)]
    [InlineData("不燃ごみの日に古いハードディスクを出そうと思う", false, true)]
    public void Rubbish_IsAnotherRulesTopic_UnlessItHoldsInformation(string message, bool otherTopic, bool securityTopic)
    {
        Assert.Equal(otherTopic, Detector.MentionsOutOfScopeTopic(message));
        Assert.Equal(securityTopic, Detector.MentionsSecurityTopic(message));
    }

    // Losing an accessory is no security incident; the antivirus product is no virus; 「開けていい？」 asks first.
    [Theory]
    [InlineData("ノートPCのACアダプタなくしちゃった。予備ある？")]
    [InlineData("自転車の鍵落としました")]
    [InlineData("ウイルス対策ソフトの更新が重いから切っちゃっていい？")]
    [InlineData("差出人がよくわからないメールが届いた。添付開けていい？")]
    // Not opened: a suspicious mail deleted unopened is the rule followed (6.4(3)③), nothing to report.
    [InlineData("変な請求書メール来たけど、添付は開いてないです。消しておけばいい？")]
    [InlineData("知らないとこからzip付きのメール来た。開けねえで捨てるべ")]
    [InlineData("盗難防止のワイヤーは全部のPCに付けるの？")]
    [InlineData("補佐が休みだから決裁のハンコも自分で押しちゃっていいよね？")]
    [InlineData("係長が自分でハンコ押しちゃってるけど、まずい？")]
    [InlineData("端末の画面が真っ暗でつかない")]
    // The antivirus product is no virus; Kansai 「…んちゃう」 ("isn't it?") tells nothing done.
    [InlineData("PC遅いし、ウイルスソフトのスキャン止めたら速くなるんちゃう")]
    public void NoSecurityEventYet_IsNoIncidentReport(string message) =>
        Assert.NotEqual("incident_report", Detector.Detect(message)?.Key);

    // A request for one's own records under the privacy law is not the policy's provision of information.
    [Fact]
    public void ADisclosureRequest_IsNoInformationProvision() =>
        Assert.NotEqual("information_provision_request", Detector.Detect("住民から自分の個人情報の開示請求がきた。受付の様式はどれ？")?.Key);

    // Someone bringing a device in (持ってくる) takes nothing out.
    [Fact]
    public void BringingSomethingIn_IsNoTakeout() =>
        Assert.NotEqual("takeout_request", Detector.Detect("業者がノートPCを持ってくるって言ってるけど、サーバ室に入れていい？")?.Key);

    // A sentence that only tells a plan (…来ます) does not make a question about bringing a device in a request.
    [Fact]
    public void APlanBesideAQuestion_IsNoRequest() =>
        Assert.Null(Detector.Detect("明後日、委託業者がサーバ室に入ります。業者が自分のノートPCを持ち込んで作業したいと言ってるけど、いいの？"));

    [Fact]
    public void BringingOnesOwnDeviceToTheOffice_IsNoTakeout() =>
        Assert.NotEqual("takeout_request", Detector.Detect("自分のタブレットを職場に持ってきてWi-Fiにつなぎたい。いいの？")?.Key);

    [Theory]
    [InlineData("ACアダプタとタブレットをなくした")]
    [InlineData("ウイルス対策ソフトが警告を出してる")]
    public void ASecurityEventBesideThem_IsStillAnIncidentReport(string message) =>
        Assert.Equal("incident_report", Detector.Detect(message)?.Key);

    // How to operate a tool is a scope signal; a question about what may be done is not one.
    [Theory]
    [InlineData("Excelで重複した行を消すやり方", true)]
    [InlineData("Teamsで背景をぼかす方法教えて", true)]
    [InlineData("複合機の紙詰まりの直し方", true)]
    [InlineData("USBを持ち出すときの許可は誰にもらう？", false)]
    [InlineData("クラウドに住民情報を置いてもいい？", false)]
    public void HowToOperateQuestions_AreRecognised(string message, bool expected) =>
        Assert.Equal(expected, Detector.AsksHowToOperate(message));

    [Fact]
    public void WithoutMorphology_TheTypedViewsStillDetect() =>
        Assert.Equal("incident_report", ProcedureDetector.LoadEmbedded(analyzer: null).Detect("USBメモリを紛失いたしました")?.Key);

    [Fact]
    public void AnUnknownCue_IsAFormatError() =>
        Assert.Throws<FormatException>(() => ProcedureDetector.Parse(
            "cue\thypothetical\tもし\ncue\tconditional\tたら\ncue\tquestion\t？\ncue\trequest\tたい\ncue\tstrong-request\t申請\ncue\trelayed\tって\nprocedure\tx\tX\treport\tなくし\t@nosuch\t5.3(1)①\n"));
}
