using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Language;

/// <summary>
/// The ways a message is looked at by the word table's patterns, one per line: as typed (width and case folded),
/// with hiragana turned into katakana (くらうど → クラウド), and, with a morphological analyser, as the dictionary
/// forms of its words (持って参ります → 持つ て 参る ます), so a pattern need not list every conjugation.
/// </summary>
public static class TextViews
{
    public static string Of(string text, IMorphologicalAnalyzer? analyzer)
    {
        var typed = Typed(text);
        var katakana = new string(typed.Select(JapaneseNormalizer.ToKatakana).ToArray());
        if (analyzer is null) return typed + "\n" + katakana;
        // The past た and the conditional たら share a dictionary form; the patterns must tell "なくした" from "なくしたら".
        var forms = string.Join(' ', analyzer.Analyze(typed).Select(m => m.PartOfSpeech == "助動詞" && m.BaseForm == "た" && m.ConjugationForm == "仮定形" ? "たら" : m.BaseForm));
        return typed + "\n" + katakana + "\n" + forms;
    }

    /// <summary>The first view: the message as typed, width and case folded, on one line.</summary>
    public static string Typed(string text) => JapaneseNormalizer.Widths(text).Replace('\n', ' ');
}
