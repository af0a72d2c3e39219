using Isms.Knowledge.Language;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>The weighted search terms of a question: its own bigrams, the policy terms its everyday words stand for
/// (<see cref="Thesaurus"/>), and its content words when a morphological analyser is present.</summary>
public sealed class QueryTerms(ClauseIndex index, Thesaurus policyThesaurus)
{
    private readonly Thesaurus _thesaurus = policyThesaurus.WithDictionaryForms(index.Analyzer);

    private const double VariantPieceWeight = 0.7;

    /// <summary>Question words that say what kind of answer is wanted, not what it is about.</summary>
    public static readonly IReadOnlySet<string> StopTerms = new HashSet<string>(StringComparer.Ordinal)
        { "場合", "必要", "何", "時", "誰", "平気", "大丈夫", "可能", "方法", "今", "方", "良", "同僚", "前", "後", "本当", "具体", "具体的", "体的", "教", "知", "思", "感", "気", "人", "私", "自分", "分", "来週", "今日", "明日", "使", "出来", "件", "番", "何番" };

    public Thesaurus Thesaurus => _thesaurus;

    /// <summary>Bigram terms: the question's own and the policy terms its everyday words stand for.</summary>
    /// <param name="keepAskingWords">Keep 誰, 何, 時 …: against staff questions they say what kind of question it is.</param>
    public Dictionary<string, double> Bigrams(string question, double weight = 1.0, bool keepAskingWords = false)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        void Add(IEnumerable<string> tokens, double w)
        {
            foreach (var t in tokens)
                terms[t] = Math.Max(terms.GetValueOrDefault(t), w);
        }
        Add(Tokenizer.Tokenize(question, index.KatakanaVocabulary), weight);
        // The pieces of an everyday word the thesaurus translated (ファイル of ファイルサーバ → 文書サーバ) are not what
        // the question is about on their own: they count less, unless the policy term says them too.
        var expansions = _thesaurus.Expand(question);
        var policyTokens = expansions.SelectMany(t => Tokenizer.Tokenize(t)).ToHashSet(StringComparer.Ordinal);
        foreach (var variant in _thesaurus.MatchedVariants(question))
            foreach (var t in Tokenizer.Tokenize(variant, index.KatakanaVocabulary))
                if (!policyTokens.Contains(t) && terms.TryGetValue(t, out var w) && w > weight * VariantPieceWeight)
                    terms[t] = weight * VariantPieceWeight;
        // A long policy term yields many bigrams; scale them so one everyday word counts about as much as one phrase.
        foreach (var term in expansions)
        {
            var tokens = Tokenizer.Tokenize(term);
            Add(tokens, weight * 1.15 * Math.Min(1.0, 1.5 / Math.Sqrt(Math.Max(1, tokens.Count))));
        }
        if (!keepAskingWords)
            foreach (var stop in StopTerms) terms.Remove(stop);
        return terms;
    }

    /// <summary>Content-word terms (dictionary forms) of the question and of the policy terms it stands for.</summary>
    public Dictionary<string, double> Words(string question, double weight = 1.0)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        if (index.Analyzer is not { } analyzer) return terms;
        foreach (var w in ContentWords.Of(analyzer, question)) terms[w] = weight;
        foreach (var term in _thesaurus.Expand(question))
            foreach (var w in ContentWords.Of(analyzer, term))
                terms.TryAdd(w, weight * 0.8);
        return terms;
    }
}
