using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Isms.Knowledge;
using Isms.Knowledge.Evaluation;
using Isms.Knowledge.Language;
using Isms.Knowledge.Ranking;
using Isms.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: eval [--questions FILE] | ask "質問" | bench [--questions FILE] | train --tuning FILES… | explain "質問" | detect "文" | respell "文" | analyze "文" | scope "文" | dump
var command = args.FirstOrDefault() ?? "help";
var configuration = new ConfigurationBuilder().AddEnvironmentVariables("ISMS_").Build();
var services = new ServiceCollection().AddLogging().AddIsmsKnowledge(configuration).BuildServiceProvider();
var lazyAnswerer = new Lazy<IPolicyAnswerer>(services.GetRequiredService<IPolicyAnswerer>);

switch (command)
{
    case "eval" when Option("--questions") is null:
    {
        // The project's figures: every tuning and held-out file of the data folder, held-out (never tuned on) first.
        var folder = Option("--data") ?? "tests/Isms.Knowledge.Tests/data";
        var files = Directory.GetFiles(folder, "*.jsonl").Where(f => !Path.GetFileName(f).StartsWith("clauses", StringComparison.Ordinal))
            .OrderBy(f => Path.GetFileName(f).StartsWith("heldout", StringComparison.Ordinal) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (_, summary) = await Evaluator.RunAsync(lazyAnswerer.Value, Evaluator.Load(file));
            var split = Path.GetFileName(file).StartsWith("heldout", StringComparison.Ordinal) ? "held-out" : "tuning";
            Console.WriteLine($"{split,-8} {Path.GetFileName(file),-26} {JsonSerializer.Serialize(summary)}");
        }
        break;
    }
    case "eval":
    {
        var file = Option("--questions")!;
        var (rows, summary) = await Evaluator.RunAsync(lazyAnswerer.Value, Evaluator.Load(file));
        Console.WriteLine("qid   rank int predicted                  gold / top-3 / question");
        foreach (var row in rows) Console.WriteLine(Evaluator.FormatRow(row));
        Console.WriteLine(JsonSerializer.Serialize(summary));
        break;
    }
    case "ranks":
    {
        // Diagnostics: where every gold clause of each answerable question sits in the retriever's top 30.
        var retriever = ((PolicyAnswerer)lazyAnswerer.Value).Retriever;
        foreach (var q in Evaluator.Load(Option("--questions") ?? throw new ArgumentException("ranks needs --questions FILE")).Where(q => q.Gold.Count > 0))
        {
            var ids = retriever.Retrieve(q.Question, null, 30).Select(c => c.Clause.Id).ToList();
            var ranks = q.Gold.Select(g => $"{g}@{(ids.IndexOf(g) is var i and >= 0 ? i + 1 : 0)}");
            var parts = ClauseRetriever.SubQueries(q.Question).Count(p => p.OwnAnswer);
            Console.WriteLine($"{q.Qid,-6} {q.Type,-9} parts={parts} {string.Join(" ", ranks),-40} top5={string.Join(",", ids.Take(5))}  {q.Question}");
        }
        break;
    }
    case "parts":
    {
        // Diagnostics: the sub-queries of a multi-part question and each one's top 3.
        var retriever = ((PolicyAnswerer)lazyAnswerer.Value).Retriever;
        var question = string.Join(' ', args.Skip(1));
        foreach (var (text, focus, own) in ClauseRetriever.SubQueries(question))
            Console.WriteLine($"[{focus}{(own ? "" : " (fusion only)")}] {text} -> {string.Join(",", retriever.RankPart(question, focus, 8))}");
        break;
    }
    case "ask":
    {
        var question = string.Join(' ', args.Skip(1));
        var answer = await lazyAnswerer.Value.AnswerAsync(question, null, CancellationToken.None);
        Console.WriteLine($"[{answer.Intent}]{(answer.FromLlm ? " (LLM)" : "")}");
        Console.WriteLine(answer.Summary);
        foreach (var c in answer.Citations)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Clause.Id,-14} {c.Score,8:0.000}  {string.Join(" > ", c.Clause.HeadingPath)}"));
        break;
    }
    case "bench":
    {
        var text = EmbeddedPolicy.ReadText();
        var thesaurus = Thesaurus.LoadEmbedded();
        var intents = ProcedureDetector.LoadEmbedded(PolicyAnswerer.DefaultAnalyzer.Value);
        var sw = Stopwatch.StartNew();
        _ = new PolicyAnswerer(PolicyParser.Parse(text), thesaurus, intents); // cold start, then warm
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold_parse_and_build_ms={sw.Elapsed.TotalMilliseconds:0.0}"));
        sw.Restart();
        var doc = PolicyParser.Parse(text);
        var parseMs = sw.Elapsed.TotalMilliseconds;
        using (ClauseIndex.Build(doc)) { }
        var indexMs = sw.Elapsed.TotalMilliseconds - parseMs;
        sw.Restart();
        var bench = new PolicyAnswerer(doc, thesaurus, intents);
        var buildMs = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lucene_index_only_ms={indexMs:0.0}"));
        var questions = Option("--questions") is { } f ? Evaluator.Load(f).Select(q => q.Question).ToList() : ["CISOって誰？", "USBでデータ持ち出したい", "パスワード何文字？"];
        for (var warm = 0; warm < 3; warm++)
            foreach (var q in questions) bench.AnswerOffline(q, null);
        var times = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < 5; round++)
            foreach (var q in questions)
            {
                sw.Restart();
                bench.AnswerOffline(q, null);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        var cpuPerAnswer = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Count;
        times.Sort();
        double P(double p) => times[(int)Math.Min(times.Count - 1, Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"clauses={doc.Clauses.Count} parse_ms={parseMs:0.0} answerer_build_ms(index+retriever)={buildMs:0.0} answers={times.Count} p50_ms={P(0.5):0.00} p95_ms={P(0.95):0.00} max_ms={times[^1]:0.00} mean_cpu_ms_per_answer={cpuPerAnswer:0.00} load_avg={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        break;
    }
    case "train":
    {
        // Learns the ranker and the scope classifier (knowledge/data/ranker.json) from the clause questions in folds,
        // the off-topic questions and the tuning questions.
        var document = PolicyParser.Parse(EmbeddedPolicy.ReadText());
        var thesaurus = Thesaurus.LoadEmbedded();
        var questions = ClauseQuestions.LoadEmbedded();
        var offTopic = Directory.GetFiles(Option("--data") ?? "knowledge/data", "off-topic-questions*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).ToList();
        var tuning = args.SkipWhile(a => a != "--tuning").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))
            .SelectMany(Evaluator.Load)
            // Form requests teach the scope classifier (they are in scope) but not the ranker (their clauses come from the word table).
            .Select(q => (q.Question, Gold: q.Intent == "answer" ? q.Gold : (IReadOnlyList<string>)[], InScope: q.Intent != "out_of_scope")).ToList();
        var tuningWeight = double.Parse(Option("--tuning-weight") ?? "2", CultureInfo.InvariantCulture);
        var mecab = MecabAnalyzer.TryCreate(null, out var whyNot) ?? throw new InvalidOperationException($"train needs MeCab: {whyNot}");
        var models = new List<(ClauseRanker Ranker, ScopeClassifier Scope)>();
        foreach (var analyzer in new IMorphologicalAnalyzer?[] { mecab, null })
        {
            var sw = Stopwatch.StartNew();
            var topics = ProcedureDetector.LoadEmbedded(analyzer);
            var (ranking, scope) = TrainingSet.FromClauseQuestions(document, thesaurus, questions, analyzer, offTopic, topics);
            var full = ClauseRetriever.Build(document, thesaurus, questions, analyzer, new ClauseRanker(new double[RankingFeatures.Names.Count]));
            var (tuningRanking, tuningScope) = TrainingSet.FromTuningQuestions(full.Features, topics, tuning, tuningWeight);
            var linear = RankerTraining.Train([.. ranking, .. tuningRanking]);
            var boosting = new BoostingSettings(int.Parse(Option("--tree-rounds") ?? "200", CultureInfo.InvariantCulture), int.Parse(Option("--tree-depth") ?? "3", CultureInfo.InvariantCulture));
            var ranker = new ClauseRanker(linear.Weights, TreeBoosting.Train([.. ranking, .. tuningRanking], linear.LinearScore, boosting));
            var scopeModel = ScopeTraining.Train([.. scope, .. tuningScope],
                maxFalseDecline: double.Parse(Option("--max-false-decline") ?? "0.04", CultureInfo.InvariantCulture),
                l2: double.Parse(Option("--scope-l2") ?? "0.002", CultureInfo.InvariantCulture));
            models.Add((ranker, scopeModel));
            double Declined(IEnumerable<ScopeExample> e, bool inScope) { var l = e.Where(x => x.InScope == inScope).ToList(); return l.Count == 0 ? 0 : l.Count(x => !scopeModel.InScope(x.Input)) / (double)l.Count; }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(analyzer is null ? "bigrams only" : analyzer.Name)}: ranker on {ranking.Count} clause-question examples (train hit@1 {RankerTraining.HitAtOne(linear, ranking):0.000} linear, {RankerTraining.HitAtOne(ranker, ranking):0.000} with {boosting.Rounds} trees) and {tuningRanking.Count} tuning (hit@1 {RankerTraining.HitAtOne(linear, tuningRanking):0.000}, {RankerTraining.HitAtOne(ranker, tuningRanking):0.000}); scope threshold {scopeModel.Threshold:0.000}: off-topic declined {Declined(scope, false):0.000}, clause questions declined {Declined(scope, true):0.000}, tuning off-topic declined {Declined(tuningScope, false):0.000}, tuning answerable declined {Declined(tuningScope, true):0.000}; {sw.Elapsed.TotalSeconds:0.0} s"));
            Console.WriteLine(string.Join(" ", RankingFeatures.Names.Zip(ranker.Weights).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First}={p.Second:0.00}"))));
        }
        var output = Option("--out") ?? "knowledge/data/ranker.json";
        File.WriteAllText(output, ClauseRanker.Serialize(models[0].Ranker, models[1].Ranker, models[0].Scope, models[1].Scope,
            $"{questions.Count} clause questions in {TrainingSet.Folds} folds, {offTopic.Count} off-topic questions and {tuning.Count} tuning questions (weight {tuningWeight.ToString(CultureInfo.InvariantCulture)})") + "\n");
        Console.WriteLine($"wrote {output}");
        break;
    }
    case "train-procedures":
    {
        // Learns the procedure classifier (knowledge/data/procedures.json) from the tuning files, one model per form the
        // files label. --validate FILES prints, per threshold, how many of those files' requests and reports the word
        // table and the model together catch and how many other messages the model alone would turn into that form, and
        // per veto level how many of the table's right and wrong forms a veto would drop.
        List<EvalQuestion> Files(string option) => args.SkipWhile(a => a != option).Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).SelectMany(Evaluator.Load).ToList();
        double Number(string option, string fallback) => double.Parse(Option(option) ?? fallback, CultureInfo.InvariantCulture);
        var tuning = Files("--tuning");
        var validation = Files("--validate");
        const string ReportIntent = "form_incident_report";
        // The clauses whose first response the incident report gives at once: a suspected virus, a password given away.
        var reportClauses = (Option("--report-clauses") ?? "6.4(3)⑦,5.4(2)④").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var keys = tuning.Select(q => q.Intent).Where(i => i.StartsWith("form_", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).Select(i => i[5..])
            // A form with a handful of examples gets no model: what it learned would be those messages' words.
            .Where(k => tuning.Count(q => q.Intent == "form_" + k) >= Number("--min-examples", "30")).ToList();
        var answerer = (PolicyAnswerer)lazyAnswerer.Value;
        var classifiers = new List<ProcedureClassifier>();
        foreach (var (detector, analyzer) in new[] { (answerer.Procedures, PolicyAnswerer.DefaultAnalyzer.Value), (ProcedureDetector.LoadEmbedded(null), null) })
        {
            var described = tuning.Select(q => (Features: ProcedureClassifier.Describe(q.Question, detector, analyzer), q.Intent, q.Gold)).ToList();
            var models = keys.ToDictionary(k => k, k => ProcedureModel.Train(described.Select(d => (d.Features, d.Intent == "form_" + k)).ToList(),
                // Reports are caught more eagerly than requests are started: a missed report costs an incident.
                detector.Find(k)?.IsReport == true ? Number("--report-threshold", "0.5") : Number("--threshold", "0.7"), Number("--l2", "0.0001")));
            // Per first-response clause, which of the tuning reports cite it: the model reads it among reports only.
            var reports = described.Where(d => d.Intent == ReportIntent).ToList();
            var clauseModels = reportClauses.ToDictionary(c => c, c => ProcedureModel.Train(reports.Select(r => (r.Features, r.Gold.Contains(c))).ToList(),
                Number("--report-clause-threshold", "0.5"), Number("--l2", "0.0001")));
            var anyForm = ProcedureModel.Train(described.Select(d => (d.Features, d.Intent.StartsWith("form_", StringComparison.Ordinal))).ToList(), 0.5, Number("--l2", "0.0001"));
            classifiers.Add(new ProcedureClassifier(models, Number("--veto", "0.1"), clauseModels, Number("--report-veto", "0.05"), anyForm,
                Number("--report-offer", "0.2"), Number("--asked-veto", "0.3"), Number("--asked-report-veto", "0.15")));
            Console.WriteLine($"{(analyzer is null ? "bigrams only" : analyzer.Name)}: {described.Count} messages; forms {string.Join(", ", keys.Select(k => $"{k} {described.Count(d => d.Intent == "form_" + k)}"))}; "
                + $"report clauses {string.Join(", ", reportClauses.Select(c => $"{c} {reports.Count(r => r.Gold.Contains(c))}/{reports.Count}"))}");
            if (validation.Count == 0) continue;
            var read = validation.Select(q => (q.Intent, q.Gold, Table: detector.Detect(q.Question)?.Key, Features: ProcedureClassifier.Describe(q.Question, detector, analyzer))).ToList();
            // The forms without a model of their own: how many of the table's starts the any-form model would drop.
            var rare = read.Where(r => r.Table is { } t && !models.ContainsKey(t)).Select(r => (Mine: r.Intent == "form_" + r.Table, P: anyForm.Probability(r.Features))).ToList();
            Console.WriteLine($"  forms without a model: the table starts {rare.Count} ({rare.Count(r => r.Mine)} right) | veto " + string.Join(" | ", new[] { 0.02, 0.05, 0.1, 0.2, 0.3 }.Select(v =>
                string.Create(CultureInfo.InvariantCulture, $"{v:0.00}: drops {rare.Count(r => r.Mine && r.P < v)} right, {rare.Count(r => !r.Mine && r.P < v)} wrong"))));
            foreach (var clause in reportClauses)
            {
                var p = read.Where(r => r.Intent == ReportIntent).Select(r => (Cites: r.Gold.Contains(clause), P: clauseModels[clause].Probability(r.Features))).ToList();
                Console.WriteLine($"  report clause {clause}: cited by {p.Count(r => r.Cites)} of {p.Count} reports | " + string.Join(" | ", new[] { 0.3, 0.5, 0.7 }.Select(t =>
                    string.Create(CultureInfo.InvariantCulture, $"{t:0.0}: {p.Count(r => r.Cites && r.P >= t)} caught, {p.Count(r => !r.Cites && r.P >= t)} others"))));
            }
            foreach (var key in keys)
            {
                var p = read.Select(r => (Mine: r.Intent == "form_" + key, r.Table, P: models[key].Probability(r.Features))).ToList();
                var mine = p.Count(r => r.Mine);
                var line = new[] { 0.3, 0.5, 0.7, 0.9 }.Select(t => string.Create(CultureInfo.InvariantCulture,
                    $"{t:0.0}: {p.Count(r => r.Mine && (r.Table == key || (r.Table is null && r.P >= t)))}/{mine} +{p.Count(r => !r.Mine && r.Table is null && r.P >= t)} wrong"));
                var vetoes = new[] { 0.02, 0.05, 0.1, 0.2 }.Select(v => string.Create(CultureInfo.InvariantCulture,
                    $"{v:0.00}: drops {p.Count(r => r.Table == key && r.Mine && r.P < v)} right, {p.Count(r => r.Table == key && !r.Mine && r.P < v)} wrong"));
                var asked = p.Where((r, i) => r.Table == key && ProcedureClassifier.Asks(read[i].Features)).ToList();
                Console.WriteLine($"    {key}: the table starts {asked.Count} messages that ask something ({asked.Count(r => r.Mine)} right) | asked veto " + string.Join(" | ", new[] { 0.1, 0.15, 0.2, 0.3, 0.5 }.Select(v =>
                    string.Create(CultureInfo.InvariantCulture, $"{v:0.00}: drops {asked.Count(r => r.Mine && r.P < v)} right, {asked.Count(r => !r.Mine && r.P < v)} wrong"))));
                var asking = read.Select((r, i) => (r, p[i])).Where(x => x.r.Table is null && x.Item2.P >= models[key].Threshold && ProcedureClassifier.Asks(x.r.Features)).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {key}: of the messages that ask something, the model at {models[key].Threshold:0.0} catches {asking.Count(x => x.Item2.Mine)} and turns {asking.Count(x => !x.Item2.Mine)} others into this form"));
                Console.WriteLine($"  {key,-22} table {p.Count(r => r.Mine && r.Table == key)}/{mine}, table wrong {p.Count(r => !r.Mine && r.Table == key)} | {string.Join(" | ", line)} || veto {string.Join(" | ", vetoes)}");
            }
        }
        var output = Option("--out") ?? "knowledge/data/procedures.json";
        File.WriteAllText(output, ProcedureClassifier.Serialize(classifiers[0], classifiers[1], $"{tuning.Count} tuning messages and questions") + "\n");
        Console.WriteLine($"wrote {output}");
        break;
    }
    case "train-fusion":
    {
        // Learns how a multi-part question's candidates are ordered (knowledge/data/part-fusion.json) from the tuning files.
        var tuning = args.SkipWhile(a => a != "--tuning").Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).SelectMany(Evaluator.Load).ToList();
        var shipped = ((PolicyAnswerer)lazyAnswerer.Value).Retriever;
        var model = FusionTraining.Run(shipped, tuning, double.Parse(Option("--l2") ?? "0.001", CultureInfo.InvariantCulture));
        var output = Option("--out") ?? "knowledge/data/part-fusion.json";
        File.WriteAllText(output, model.Serialize($"{tuning.Count} tuning questions") + "\n");
        Console.WriteLine($"wrote {output}");
        break;
    }
    case "boost":
    {
        List<EvalQuestion> Files(string option) => args.SkipWhile(a => a != option).Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).SelectMany(Evaluator.Load).ToList();
        // --grid "rounds:depth:shrinkage:lambda:minhessian;…"
        var grid = (Option("--grid") ?? "200:3:0.1:1:5").Split(';').Select(g => g.Split(':').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new BoostingSettings((int)v[0], (int)v[1], v[2], v[3], v[4]));
        BoostExperiment.Run(Files("--tuning"), Files("--validate"), grid);
        break;
    }
    case "folds":
    {
        // Diagnostics: each clause's staff questions asked with their fold left out of the index, scored by the shipped
        // ranker: the clauses whose questions the index cannot bridge from other phrasings come first.
        var document = PolicyParser.Parse(EmbeddedPolicy.ReadText());
        var analyzer = PolicyAnswerer.DefaultAnalyzer.Value;
        var ranker = ClauseRanker.LoadEmbedded(withWords: analyzer is not null);
        var (ranking, _) = TrainingSet.FromClauseQuestions(document, Thesaurus.LoadEmbedded(), ClauseQuestions.LoadEmbedded(), analyzer, [], ProcedureDetector.LoadEmbedded(analyzer));
        var byClause = ranking.GroupBy(e => e.Gold.Single()).Select(g => (Id: document.Clauses[g.Key].Id, N: g.Count(),
            Hit: g.Count(e => e.Gold.Contains(e.Candidates.MaxBy(c => ranker.Score(c.Features))!.ClauseOrdinal)))).OrderBy(r => (double)r.Hit / r.N).ToList();
        foreach (var (id, n, hit) in byClause) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id,-16} {hit,3}/{n,-3} {(double)hit / n:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold hit@1 {byClause.Sum(r => r.Hit) / (double)byClause.Sum(r => r.N):0.000} over {byClause.Count} clauses"));
        break;
    }
    case "explain":
    {
        // Diagnostics: each feature's contribution (weight × value) and the trees' for the question's top candidates.
        var retriever = ((PolicyAnswerer)lazyAnswerer.Value).Retriever;
        var question = string.Join(' ', args.Skip(1));
        var candidates = retriever.Features.Extract(RankingQuery.Of(question)).Candidates;
        foreach (var c in candidates.OrderByDescending(c => retriever.Ranker.Score(c.Features)).Take(6))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{retriever.Index.Clauses[c.ClauseOrdinal].Id,-14} {retriever.Ranker.Score(c.Features),7:0.00}  trees={retriever.Ranker.Trees.Score(c.Features):0.00} ")
                + string.Join(" ", RankingFeatures.Names.Select((n, i) => (n, v: retriever.Ranker.Weights[i] * c.Features[i])).Where(p => Math.Abs(p.v) >= 0.05).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.n}={p.v:0.00}"))));
        break;
    }
    case "scope":
    {
        // Diagnostics: the scope classifier's probability, its threshold and the dense features it read, for one question
        // or every question of a file (with its labelled intent).
        var answerer = (PolicyAnswerer)lazyAnswerer.Value;
        var items = Option("--questions") is { } file ? Evaluator.Load(file).Select(q => (q.Qid, q.Intent, q.Question))
            : [("-", "-", string.Join(' ', args.Skip(1)))];
        foreach (var (qid, intent, text) in items)
        {
            var (probability, threshold, input) = answerer.ReadScope(text);
            var dense = string.Join(" ", ScopeClassifier.DenseNames.Zip(input.Dense).Where(p => p.Second != 0)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.First}={p.Second:0.00}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{qid}\t{intent}\t{(probability >= threshold ? "in" : "out")}\t{probability:0.000}/{threshold:0.000}\t{dense}\t{text}"));
        }
        break;
    }
    case "detect":
    {
        var answerer = (PolicyAnswerer)lazyAnswerer.Value;
        var detector = answerer.Procedures;
        if (Option("--questions") is { } file)
        {
            // One tab-separated line per message: qid, gold intent, what is started, what the word table reads, in or out of
            // scope, whether the sender asks something ("asks"), each model's probability.
            foreach (var q in Evaluator.Load(file))
                Console.WriteLine(string.Join('\t', [q.Qid, q.Intent, answerer.DetectProcedure(q.Question)?.Key ?? "-",
                    detector.Detect(q.Question)?.Key ?? "-", answerer.IsOutOfScope(q.Question) ? "oos" : "in",
                    ProcedureClassifier.Asks(ProcedureClassifier.Describe(q.Question, detector, PolicyAnswerer.DefaultAnalyzer.Value)) ? "asks" : "-",
                    .. answerer.ProcedureProbabilities(q.Question).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value:0.000}"))]));
            break;
        }

        var message = string.Join(' ', args.Skip(1));
        Console.WriteLine($"-> {answerer.DetectProcedure(message)?.Key ?? "(question)"} (word table: {detector.Detect(message)?.Key ?? "question"}; models: {string.Join(", ", answerer.ProcedureProbabilities(message).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.000}")))})");
        foreach (var line in detector.Explain(message)) Console.WriteLine(line);
        break;
    }
    case "respell":
    {
        // Diagnostics: the hiragana spellings read as the policy's kanji words (every changed question of a file with --questions).
        var answerer = (PolicyAnswerer)lazyAnswerer.Value;
        var texts = Option("--questions") is { } file ? Evaluator.Load(file).Select(q => q.Question) : [string.Join(' ', args.Skip(1))];
        foreach (var text in texts)
            if (answerer.Respell(text) is var respelled && respelled != text) Console.WriteLine($"{text}\n  → {respelled}");
        break;
    }
    case "analyze":
        foreach (var m in PolicyAnswerer.DefaultAnalyzer.Value?.Analyze(string.Join(' ', args.Skip(1))) ?? [])
            Console.WriteLine($"{m.Surface}\t{m.PartOfSpeech},{m.SubCategory}\t{m.BaseForm}\t{m.Reading}");
        break;
    case "expand":
        Console.WriteLine(string.Join(" / ", Thesaurus.LoadEmbedded().WithDictionaryForms(PolicyAnswerer.DefaultAnalyzer.Value).Expand(string.Join(' ', args.Skip(1)))));
        break;
    case "dump":
        foreach (var c in lazyAnswerer.Value.Document.Clauses)
            Console.WriteLine(JsonSerializer.Serialize(new { id = c.Id, heading_path = c.HeadingPath, text = c.Text }));
        break;
    default:
        Console.WriteLine("usage: eval [--questions FILE] | ask \"質問\" | bench [--questions FILE] | train --tuning FILE… | folds | explain \"質問\" | detect \"文\" | respell \"文\" | analyze \"文\" | scope \"文\" | expand \"文\" | dump");
        break;
}

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
