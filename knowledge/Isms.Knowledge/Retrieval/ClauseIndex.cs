using Isms.Knowledge.Language;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Isms.Knowledge.Retrieval;

/// <summary>The fields of the index, each searched on its own so the ranker can weigh them.</summary>
public enum IndexField
{
    /// <summary>The passage's text as character bigrams.</summary>
    Body,
    /// <summary>The clause's heading path.</summary>
    Heading,
    /// <summary>The questions staff ask about the clause (<see cref="ClauseQuestions"/>).</summary>
    Questions,
    /// <summary>Body and questions as one text: the questions lend the clause staff's words.</summary>
    BodyAndQuestions,
    /// <summary>Content words (dictionary forms) of the body, when a morphological analyser is present.</summary>
    BodyWords,
    /// <summary>Content words of the questions.</summary>
    QuestionWords,
    /// <summary>Each staff question on its own (a clause scores as its closest question).</summary>
    SingleQuestion,
    /// <summary>Content words of each staff question on its own.</summary>
    SingleQuestionWords,
}

/// <summary>
/// Lucene.Net BM25 index over passages of the clauses (<see cref="Passages"/>): bigrams of the text, the heading
/// path, the staff questions of each clause, and the content words of both. A clause scores as its best passage.
/// </summary>
public sealed class ClauseIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] FieldNames = Enum.GetNames<IndexField>();
    private readonly Segment _passages;
    private readonly Segment _questions;

    /// <summary>One Lucene index in memory and the clause of each of its documents.</summary>
    private sealed class Segment : IDisposable
    {
        public Segment(RAMDirectory directory, int[] clauseOfDoc)
        {
            Directory = directory;
            Reader = DirectoryReader.Open(directory);
            Searcher = new IndexSearcher(Reader) { Similarity = new BM25Similarity(1.2f, 0.75f) };
            ClauseOfDoc = clauseOfDoc;
        }

        public RAMDirectory Directory { get; }
        public DirectoryReader Reader { get; }
        public IndexSearcher Searcher { get; }
        public int[] ClauseOfDoc { get; }

        public static Segment Write(IEnumerable<(int Clause, Document Document)> documents)
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
            var clauseOfDoc = new List<int>();
            using (var writer = new IndexWriter(directory, config))
            {
                foreach (var (clause, document) in documents)
                {
                    writer.AddDocument(document);
                    clauseOfDoc.Add(clause);
                }
                writer.Commit();
            }
            return new Segment(directory, [.. clauseOfDoc]);
        }

        public void Dispose()
        {
            Reader.Dispose();
            Directory.Dispose();
        }
    }

    private ClauseIndex(Segment passages, Segment questions, IReadOnlyList<Clause> clauses, HashSet<string> katakana, IMorphologicalAnalyzer? analyzer)
    {
        _passages = passages;
        _questions = questions;
        Clauses = clauses;
        KatakanaVocabulary = katakana;
        Analyzer = analyzer;
    }

    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>Katakana words of the document and its questions and their substrings (3+ letters), ー removed.</summary>
    public IReadOnlySet<string> KatakanaVocabulary { get; }

    /// <summary>The analyser behind the word fields; null when they are empty (bigrams only).</summary>
    public IMorphologicalAnalyzer? Analyzer { get; }

    public static ClauseIndex Build(PolicyDocument document, ClauseQuestions? questions = null, IMorphologicalAnalyzer? analyzer = null)
    {
        questions ??= ClauseQuestions.None;
        var katakana = new HashSet<string>(StringComparer.Ordinal);
        string Words(string text) => analyzer is null ? "" : string.Join(' ', ContentWords.Of(analyzer, text));
        IEnumerable<(int, Document)> PassageDocuments()
        {
            foreach (var passage in Passages.Of(document.Clauses))
            {
                var clause = document.Clauses[passage.ClauseOrdinal];
                var heading = string.Join(" ", clause.HeadingPath.Skip(1));
                var asked = passage.IsWholeClause ? string.Join("\n", questions.For(clause.Id)) : "";
                var body = string.Join(' ', Tokenizer.Tokenize(passage.Text, kanjiUnigrams: true));
                var staff = string.Join(' ', Tokenizer.Tokenize(asked, kanjiUnigrams: true));
                foreach (var word in Tokenizer.KatakanaWords(passage.Text + " " + heading + " " + asked))
                    for (var start = 0; start + 3 <= word.Length; start++)
                        for (var len = 3; start + len <= word.Length; len++)
                            katakana.Add(word.Substring(start, len));
                yield return (passage.ClauseOrdinal, new Document
                {
                    Text(IndexField.Body, body),
                    Text(IndexField.Heading, string.Join(' ', Tokenizer.Tokenize(heading))),
                    Text(IndexField.Questions, staff),
                    Text(IndexField.BodyAndQuestions, body + " " + staff),
                    Text(IndexField.BodyWords, Words(passage.Text)),
                    Text(IndexField.QuestionWords, Words(asked)),
                });
            }
        }
        IEnumerable<(int, Document)> QuestionDocuments() =>
            document.Clauses.SelectMany((clause, ordinal) => questions.For(clause.Id).Select(q => (ordinal, new Document
            {
                Text(IndexField.SingleQuestion, string.Join(' ', Tokenizer.Tokenize(q, kanjiUnigrams: true))),
                Text(IndexField.SingleQuestionWords, Words(q)),
            })));
        var passages = Segment.Write(PassageDocuments());
        return new ClauseIndex(passages, Segment.Write(QuestionDocuments()), document.Clauses, katakana, analyzer);
    }

    private static TextField Text(IndexField field, string tokens) => new(FieldNames[(int)field], tokens, Field.Store.NO);

    /// <summary>BM25 scores of the clauses on one field for weighted terms (a clause scores as its best passage).</summary>
    public Dictionary<int, double> Search(IndexField field, IReadOnlyDictionary<string, double> terms, int top)
    {
        var result = new Dictionary<int, double>();
        if (terms.Count == 0) return result;
        var query = new BooleanQuery();
        foreach (var (term, weight) in terms)
            query.Add(new TermQuery(new Term(FieldNames[(int)field], term)) { Boost = (float)weight }, Occur.SHOULD);
        // Each clause has several questions: look deeper so that as many clauses are found.
        var segment = field is IndexField.SingleQuestion or IndexField.SingleQuestionWords ? _questions : _passages;
        var depth = segment == _questions ? top * 6 : top;
        foreach (var hit in segment.Searcher.Search(query, depth).ScoreDocs)
        {
            var clause = segment.ClauseOfDoc[hit.Doc];
            if (!result.TryGetValue(clause, out var s) || s < hit.Score) result[clause] = hit.Score;
        }
        return result;
    }

    /// <summary>BM25 scores of body and heading together (heading terms count at <paramref name="headingWeight"/>).</summary>
    public Dictionary<int, double> Search(IReadOnlyDictionary<string, double> terms, int top, double headingWeight = 0.35)
    {
        var result = new Dictionary<int, double>();
        if (terms.Count == 0) return result;
        var query = new BooleanQuery();
        foreach (var (term, weight) in terms)
        {
            query.Add(new TermQuery(new Term(FieldNames[(int)IndexField.Body], term)) { Boost = (float)weight }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(FieldNames[(int)IndexField.Heading], term)) { Boost = (float)(weight * headingWeight) }, Occur.SHOULD);
        }
        foreach (var hit in _passages.Searcher.Search(query, top).ScoreDocs)
        {
            var clause = _passages.ClauseOfDoc[hit.Doc];
            if (!result.TryGetValue(clause, out var s) || s < hit.Score) result[clause] = hit.Score;
        }
        return result;
    }

    /// <summary>How many passages contain the term in their body: rare terms are what a question is about.</summary>
    public int DocumentFrequency(string term) => _passages.Reader.DocFreq(new Term(FieldNames[(int)IndexField.Body], term));

    /// <summary>How many passages contain the term in the body or the staff questions.</summary>
    public int KnownFrequency(string term) => _passages.Reader.DocFreq(new Term(FieldNames[(int)IndexField.BodyAndQuestions], term));

    /// <summary>How many passages have the content word in their body or staff questions.</summary>
    public int KnownWordFrequency(string word) =>
        _passages.Reader.DocFreq(new Term(FieldNames[(int)IndexField.BodyWords], word)) + _passages.Reader.DocFreq(new Term(FieldNames[(int)IndexField.QuestionWords], word));

    public void Dispose()
    {
        _passages.Dispose();
        _questions.Dispose();
    }
}
