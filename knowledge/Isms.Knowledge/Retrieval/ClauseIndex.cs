using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Isms.Knowledge.Retrieval;

/// <summary>Lucene.Net BM25 index over the clauses: body terms and heading-path terms, tokenized by <see cref="Tokenizer"/>.</summary>
public sealed class ClauseIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    private ClauseIndex(RAMDirectory directory, IReadOnlyList<Clause> clauses, HashSet<string> katakana)
    {
        _directory = directory;
        _reader = DirectoryReader.Open(directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
        Clauses = clauses;
        KatakanaVocabulary = katakana;
    }

    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Katakana words of the document and their substrings (3+ letters), ー removed.</summary>
    public IReadOnlySet<string> KatakanaVocabulary { get; }

    public static ClauseIndex Build(PolicyDocument document)
    {
        var directory = new RAMDirectory();
        // One small segment in memory: no background merge thread, no compound file.
        var config = new IndexWriterConfig(Version, new WhitespaceAnalyzer(Version))
        {
            Similarity = new BM25Similarity(1.2f, 0.75f),
            MergeScheduler = new SerialMergeScheduler(),
            UseCompoundFile = false,
            RAMBufferSizeMB = 64,
        };
        var katakana = new HashSet<string>(StringComparer.Ordinal);
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var clause in document.Clauses)
            {
                var heading = string.Join(" ", clause.HeadingPath.Skip(1));
                writer.AddDocument(new Document
                {
                    new StringField("id", clause.Id, Field.Store.YES),
                    new TextField("body", string.Join(' ', Tokenizer.Tokenize(clause.Text, kanjiUnigrams: true)), Field.Store.NO),
                    new TextField("head", string.Join(' ', Tokenizer.Tokenize(heading)), Field.Store.NO),
                });
                foreach (var word in Tokenizer.KatakanaWords(clause.Text + " " + heading))
                    for (var start = 0; start + 3 <= word.Length; start++)
                        for (var len = 3; start + len <= word.Length; len++)
                            katakana.Add(word.Substring(start, len));
            }
            writer.Commit();
        }
        return new ClauseIndex(directory, document.Clauses, katakana);
    }

    /// <summary>BM25 scores of the clauses for weighted terms; headings count at <paramref name="headingWeight"/>.</summary>
    public Dictionary<int, double> Search(IReadOnlyDictionary<string, double> terms, int top, double headingWeight = 0.35)
    {
        var query = new BooleanQuery();
        foreach (var (term, weight) in terms)
        {
            query.Add(new TermQuery(new Term("body", term)) { Boost = (float)weight }, Occur.SHOULD);
            query.Add(new TermQuery(new Term("head", term)) { Boost = (float)(weight * headingWeight) }, Occur.SHOULD);
        }
        var result = new Dictionary<int, double>();
        if (terms.Count == 0) return result;
        foreach (var hit in _searcher.Search(query, top).ScoreDocs)
            result[hit.Doc] = hit.Score;
        return result;
    }

    /// <summary>How many clauses contain the term in their body: rare terms are what a question is about.</summary>
    public int DocumentFrequency(string term) => _reader.DocFreq(new Term("body", term));

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
