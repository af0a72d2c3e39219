using System.Text.RegularExpressions;

namespace Isms.Knowledge.Retrieval;

/// <summary>What kind of answer a question wants: who, how often, or whether staff may do something.</summary>
public sealed partial record QuestionCues(bool AsksWho, bool AsksHowOften, bool AsksPermission, bool AsksWhat, bool LooksLikeFollowUp, bool AsksWhatToDoAfterEvent, bool AsksWhoIs = false, bool AsksWhichClass = false, bool AsksHandlingOfKind = false)
{
    public static QuestionCues Of(string question)
    {
        var q = JapaneseNormalizer.Widths(question);
        return new QuestionCues(
            Who().IsMatch(q),
            HowOften().IsMatch(q),
            Permission().IsMatch(q),
            What().IsMatch(q),
            FollowUp().IsMatch(q) || Tokenizer.Tokenize(q).Count <= 3,
            WhatToDo().IsMatch(q) && BadEvent().IsMatch(q),
            WhoIs().IsMatch(q),
            WhichClass().IsMatch(q),
            InformationKind().IsMatch(q) && Handling().IsMatch(InformationKind().Replace(q, " ")));
    }

    // A kind of information the way staff name it (住民の情報, 人事の書類, ふだんの業務の書類, HPに載ってる情報)…
    [GeneratedRegex("住民(の)?情報|人事(の)?(情報|記録|書類|データ|ファイル)|(通常|ふだん|普段|ふつう|普通|いつも|日常)(の)?業務|公開(済み|ずみ|された|されて|してる|している|中)|(ホームページ|hp|ウェブサイト|webサイト|サイト)(に|で)(も|もう|既に|すでに)?(出て|載って|載せて|のって|公開|掲載)", RegexOptions.IgnoreCase)]
    private static partial Regex InformationKind();

    // …and how it is to be handled (kept, sent, encrypted, disposed of, who may use it): the handling table's rows.
    [GeneratedRegex("保管|しまう|しまっ|施錠|転送|送っ|送る|送信|メール|暗号|捨て|破棄|廃棄|記録|シュレッダー|二重化|冗長|バックアップ|使える人|権限|アクセス|閲覧|誰まで|見られる|見れる")]
    private static partial Regex Handling();

    // 誰か (someone) asks no one; 誰かな (who might it be) does.
    [GeneratedRegex("誰(?!か(?!な))|だれ(?!か(?!な))|どなた|どの人|どの役職|どこに(報告|連絡|相談|申請)|担当者は|責任者は|窓口は|許可(は|を)?(もら|取|と)")]
    private static partial Regex Who();

    // Who holds a role: 「CISOって誰？」「管理者は誰がなるの」「責任者ってどの役職？」.
    [GeneratedRegex("(って|は|とは)(誰|だれ|どなた|どの(人|役職))|(誰|だれ|どなた)が(なる|なれる|やる|務め|担当|任命)|(誰|だれ)のこと|どの役職の人|どういう立場")]
    private static partial Regex WhoIs();

    // Which class a kind of information falls in: 「重要度いくつ？」「重要度Ⅲって何が当てはまる？」「どの分類？」, or a
    // class offered as the answer (「重要度でいうとIV？III？」「機密性2？」).
    [GeneratedRegex("(重要度|機密性|完全性|可用性)[^。？?]{0,10}(iv|iii|ii|i|[1-4])[^。？?a-z0-9]{0,3}[？?]|(どっち|どちら)(扱い|に入る|に当た|にあた|に該当)|(重要度|機密性|分類|区分|ランク|レベル)[^。？?]{0,6}(いくつ|何|なに|どれ|どの|どこ|どんな|どういう|どっち|どちら)|(何|なに|どれ|どの|どんな)[^。？?]{0,8}(当てはま|該当|に当た|にあた|に入る)|どの(分類|区分|ランク|レベル|重要度)")]
    private static partial Regex WhichClass();

    [GeneratedRegex("頻度|毎年|毎月|何年|何回|何ヶ月|何か月|年に|いつ|定期|どのくらい|どれくらい|どれぐらい|周期|間隔")]
    private static partial Regex HowOften();

    [GeneratedRegex("いい[?？]?|ダメ|だめ|駄目|いる[?？]|要る|必要|したい|できる|出来る|可能|ok|平気|へーき|ヘーキ|へいき|大丈夫|だいじょ[うー]?ぶ|ダイジョ[ウー]?ブ|しなきゃ|しないと|べき|禁止|許可|まずい|アウト|セーフ|使える|使っていい")]
    private static partial Regex Permission();

    [GeneratedRegex("どういう|どんな|とは|って何|ってなに|意味|定義|重要度|いくつ|どの分類|区分|何に当た|どれに当た")]
    private static partial Regex What();

    [GeneratedRegex("どうすれば|どうしたら|どうする|どうしよう|どうしましょう|何をすれば|なにをすれば|まず何|対応は|どう対応|(誰|だれ|どこ)に(言|連絡|報告|相談|知らせ)|やること|手順は")]
    private static partial Regex WhatToDo();

    // Something that went wrong (lost, stolen, infected, leaked, sent to the wrong person).
    [GeneratedRegex("なくし|無くし|失くし|紛失|落とし|盗ま|盗難|置き忘れ|感染|ウイルスが|ウィルスが|漏え|漏洩|流出|乗っ取|不正アクセス|誤送信|間違えて送|間違って送|送り間違|(開い|ひらい|クリックし|踏ん|押し|タップし)(て|で)?(しま|ちゃ|じゃ)")]
    private static partial Regex BadEvent();

    /// <summary>The kinds of bad event the text names: loss or theft, infection, leak, account takeover, misdelivery.</summary>
    public static IReadOnlySet<string> BadEventKinds(string text)
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (kind, pattern) in EventKinds)
            if (pattern.IsMatch(text)) kinds.Add(kind);
        return kinds;
    }

    private static readonly (string Kind, Regex Pattern)[] EventKinds =
    [
        ("loss", LossOrTheft()), ("infection", Infection()), ("leak", Leak()), ("takeover", Takeover()), ("misdelivery", Misdelivery()),
    ];

    [GeneratedRegex("なくし|無くし|失くし|紛失|落とし|盗|置き忘れ")]
    private static partial Regex LossOrTheft();

    [GeneratedRegex("感染|ウイルス|ウィルス|不正プログラム|マルウェア|ポップアップ|(開い|ひらい|クリックし|踏ん|押し|タップし)(て|で)?(しま|ちゃ|じゃ)")]
    private static partial Regex Infection();

    [GeneratedRegex("漏え|漏洩|流出")]
    private static partial Regex Leak();

    [GeneratedRegex("乗っ取|のっと|不正アクセス|なりすまし")]
    private static partial Regex Takeover();

    [GeneratedRegex("誤送信|間違えて送|間違って送|送り間違")]
    private static partial Regex Misdelivery();

    [GeneratedRegex("^(それ|その|これ|あれ|そっち|じゃあ|では|なら|だったら|あと|他に|ほかに)|それって|その場合|そのとき|その時|さっきの")]
    private static partial Regex FollowUp();
}
