namespace Isms.Knowledge.Language;

/// <summary>Reads IPADIC's feature columns: 品詞,細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音.</summary>
internal static class IpadicFeatures
{
    public static Morpheme ToMorpheme(string surface, string[] f)
    {
        string At(int i) => i < f.Length && f[i] != "*" ? f[i] : "";
        var baseForm = At(6).Length > 0 ? At(6) : surface;
        return new Morpheme(surface, At(0), At(1), baseForm, BaseReading(surface, baseForm, At(7)), At(5), At(7).Length > 0 ? At(7) : null);
    }

    /// <summary>
    /// The reading of the dictionary form, from the reading of the surface: 無くし (ナクシ) → 無くす → ナクス. The surface
    /// and the base form share a stem and differ in a kana ending, so the ending's reading is swapped.
    /// </summary>
    private static string? BaseReading(string surface, string baseForm, string surfaceReading)
    {
        if (surfaceReading.Length == 0) return null;
        var shared = 0;
        while (shared < surface.Length && shared < baseForm.Length && surface[shared] == baseForm[shared]) shared++;
        var surfaceTail = surface[shared..];
        var baseTail = baseForm[shared..];
        if (!surfaceTail.All(IsKana) || !baseTail.All(IsKana)) return surface == baseForm ? surfaceReading : null;
        var tailReading = ToKatakana(surfaceTail);
        if (!surfaceReading.EndsWith(tailReading, StringComparison.Ordinal)) return null;
        return surfaceReading[..^tailReading.Length] + ToKatakana(baseTail);
    }

    private static bool IsKana(char c) => c is >= 'ぁ' and <= 'ゖ' or >= 'ァ' and <= 'ヺ' or 'ー';

    private static string ToKatakana(string s) => new(s.Select(c => c is >= 'ぁ' and <= 'ゖ' ? (char)(c + 0x60) : c).ToArray());
}
