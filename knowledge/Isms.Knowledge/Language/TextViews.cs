using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Language;

/// <summary>
/// The ways a message is looked at by the word table's patterns, one per line: as typed (width and case folded),
/// with hiragana turned into katakana (くらうど → クラウド), and, with a morphological analyser, as the dictionary
/// forms of its words (持って参ります → 持つ て 参る ます), so a pattern need not list every conjugation; and, with a
/// respeller, with the policy's words typed in hiragana written in kanji (わすれてきた → 忘れてきた). The kanji view is
/// added to the others, never in their place: a wrong respelling (いいんですか → 委員ですか) then costs nothing.
/// </summary>
public static class TextViews
{
    public static string Of(string text, IMorphologicalAnalyzer? analyzer, KanaRespeller? respeller = null)
    {
        var typed = Typed(text);
        var katakana = new string(typed.Select(JapaneseNormalizer.ToKatakana).ToArray());
        var views = typed + "\n" + katakana;
        if (analyzer is null) return views;
        // The past た and the conditional たら share a dictionary form; the patterns must tell "なくした" from "なくしたら".
        var words = analyzer.Analyze(typed);
        var forms = string.Join(' ', words.Select(m => m.PartOfSpeech == "助動詞" && m.BaseForm == "た" && m.ConjugationForm == "仮定形" ? "たら" : m.BaseForm));
        views += "\n" + forms;
        return respeller?.Respell(typed, words) is { } kanji && kanji != typed ? views + "\n" + kanji : views;
    }

    /// <summary>The first view: the message as typed, width and case folded, on one line.</summary>
    public static string Typed(string text) => JapaneseNormalizer.Widths(text).Replace('\n', ' ');
}
