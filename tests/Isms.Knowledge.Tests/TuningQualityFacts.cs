using Isms.Knowledge.Evaluation;

namespace Isms.Knowledge.Tests;

/// <summary>Quality floors on the tuning questions and the tuning multi-part questions (see <see cref="RetrievalQualityFacts"/>).</summary>
public class TuningQualityFacts
{
    private static Task<EvalSummary> Evaluate(string file) => TestAnswerer.Evaluate(file);

    [Theory]
    [InlineData("dev.jsonl", 0.89, 0.97, 0.98)]
    [InlineData("visible.jsonl", 0.92, 0.92, 0.96)]
    [InlineData("tuning-more.jsonl", 0.88, 0.95, 0.98)]
    [InlineData("tuning-fresh.jsonl", 0.83, 0.92, 0.96)]
    [InlineData("tuning-fresh-2.jsonl", 0.74, 0.88, 0.97)]
    [InlineData("tuning-fresh-3.jsonl", 0.9, 0.97, 0.98)]
    [InlineData("tuning-fresh-4.jsonl", 0.87, 0.96, 0.97)]
    // Stop 26's extra clause questions (clause-questions/p6.tsv, for the 33 clauses reached too rarely) lift the tuning
    // sets as a whole (hit@1 0.882 → 0.885, hit@3 0.964 → 0.967, weighted over 37 files) but cost a question or two on
    // four of them (scope-1, fresh-6, fresh-7, scope-3): their floors sit one question below the new figures.
    // Stop 29's retraining on every tuning file moves the scope classifier's trade-off: scope-1 declines 0.883 of its
    // off-topic questions (was 0.933), intent 0.92.
    // Stop 30's scope threshold: 0.925 / 0.975 / 0.96, off-topic 0.967, false declines 0.025.
    [InlineData("tuning-scope-1.jsonl", 0.92, 0.97, 0.95, 0.95)]
    // On arrival 0.738 / 0.912 / 0.88, off-topic declined 0.7; after its word-table fixes and retraining 0.8 / 0.925 / 0.96, 0.85.
    [InlineData("tuning-fresh-5.jsonl", 0.79, 0.92, 0.95, 0.85)]
    // On arrival 0.8 / 0.925 / 0.9, off-topic declined 0.8; now 0.838 / 0.938 / 0.97, 0.95.
    [InlineData("tuning-fresh-6.jsonl", 0.83, 0.91, 0.96)]
    // On arrival 0.75 / 0.9 / 0.9, off-topic declined 0.95; now 0.788 / 0.938 / 0.95, 0.95 (tu22, a password told to a
    // caller, relabelled a report). Two of its 80 answerable questions are still declined (a broken USB stick put out
    // with the rubbish; a leaver's account still offered in Teams).
    [InlineData("tuning-fresh-7.jsonl", 0.75, 0.91, 0.94, 0.9)]
    // On arrival 0.825 / 0.975 / 0.85, off-topic declined 0.783; now 0.825 / 0.975 / 0.94, 0.933.
    [InlineData("tuning-scope-2.jsonl", 0.81, 0.96, 0.92)]
    // On arrival 0.812 / 0.912 / 0.92, off-topic declined 0.85; now 0.825 / 0.925 / 0.97, 1.0 (one false decline).
    // Stop 30's scope threshold declines three of its answerable questions (hit@3 0.938 → 0.912).
    [InlineData("tuning-fresh-8.jsonl", 0.81, 0.9, 0.94)]
    // On arrival 0.838 / 0.912 / 0.96, off-topic declined 1.0; now 0.85 / 0.912 / 0.97 (ub171, a mail sent to another
    // city, relabelled a misdelivery report).
    [InlineData("tuning-fresh-9.jsonl", 0.83, 0.9, 0.96)]
    // On arrival 0.8 / 0.938 / 0.9, off-topic declined 0.85; now 0.838 / 0.975 / 0.96, 0.95.
    [InlineData("tuning-fresh-10.jsonl", 0.82, 0.96, 0.95)]
    // On arrival 0.875 / 0.95 / 0.85, off-topic declined 0.783 (general knowledge in the policy's words: laws, famous
    // incidents, certifications); now 0.9 / 0.95 / 0.91, 0.867 (uf85, "infected, pull the cable?", relabelled a report).
    [InlineData("tuning-scope-3.jsonl", 0.86, 0.94, 0.9, 0.85)]
    // Stop 26. tuning-fresh-11 (the managers' side and consequences) on arrival 0.762 / 0.912 / 0.86, off-topic declined
    // 0.8; now 0.8 / 0.925 / 0.92, 0.85 (ui106, an alert at night, relabelled a report).
    [InlineData("tuning-fresh-11.jsonl", 0.78, 0.91, 0.91, 0.8, 0.03)]
    // tuning-scope-4 (fire-service scenes, other rules of the union) on arrival 0.775 / 0.925 / 0.81, off-topic declined
    // 0.8 with 2 of 40 answerable declined (a scene word such as 公用車 or 勤務表 is another rule's topic); now 0.775 / 0.9
    // / 0.89, 0.9 (uj86 and uj93, a password maybe leaked and a cursor moving by itself, relabelled reports).
    [InlineData("tuning-scope-4.jsonl", 0.76, 0.89, 0.88, 0.88, 0.06)]
    // Stop 27. tuning-fresh-12 (logs, backups, servers, audits; comparisons and deadlines) on arrival 0.925 / 0.975 / 0.92,
    // off-topic declined 0.75; now 0.962 / 0.988 / 0.95, 0.8 (a search in the rules that finds nothing is not a loss, a
    // program that runs as usual is not malware, a device brought to the office is not a takeout).
    [InlineData("tuning-fresh-12.jsonl", 0.93, 0.97, 0.94, 0.78)]
    // tuning-fresh-13 (on duty: night shift, kana spellings, acronyms, the thing in hand) on arrival 0.888 / 0.95 / 0.97,
    // off-topic declined 1.0; now 0.9 / 0.95 / 0.99 (uq159, a lost memo with a password, relabelled a report).
    // Stop 30's scope threshold: 0.888 / 0.925 / 0.97, false declines 0.025.
    [InlineData("tuning-fresh-13.jsonl", 0.88, 0.92, 0.96)]
    // Stop 28. tuning-fresh-14 (in the middle of a task; brand names; kana spellings of kanji words; permission questions)
    // on arrival 0.8 / 0.912 / 0.94, off-topic declined 0.95 (with the kana respeller already in); not tuned on.
    [InlineData("tuning-fresh-14.jsonl", 0.78, 0.9, 0.93)]
    // tuning-scope-5 (off-topic questions in the policy's own words) on arrival 0.825 / 0.975 / 0.86, off-topic declined
    // 0.833; now 0.875 / 0.975 / 0.89, 0.85 (a file looked for in a folder, logs that are kept and a lost certificate are
    // no incidents; uy67, a password that may have leaked, relabelled a report).
    [InlineData("tuning-scope-5.jsonl", 0.84, 0.96, 0.88, 0.85)]
    // Stop 29. tuning-scope-6 (private life in security words: a home router, a private Instagram, a credit card; and the
    // union's own look-alikes) on arrival 0.875 / 0.9 / 0.85, off-topic declined 0.75 with 2 of 40 answerable declined;
    // now 0.9 / 0.925 / 0.975, 0.975 (the private-life feature and the retraining).
    // Stop 30's scope threshold: 0.85 / 0.875 / 0.95, off-topic 0.975, and 0.075 of its answerable questions declined
    // (6 of 80: it was written to probe the private-life boundary); the price of declining more off-topic questions.
    [InlineData("tuning-scope-6.jsonl", 0.84, 0.86, 0.94, 0.95, 0.08)]
    // tuning-fresh-15 (scenes of a fire department's day) on arrival 0.824 / 0.941 / 0.9, off-topic declined 0.833; now
    // 0.853 / 0.971 / 0.962, 1.0.
    // Stop 35's boosted trees and retrained scope classifier: 0.897 / 0.941 / 0.962, 3 of 68 answerable declined (0.044).
    [InlineData("tuning-fresh-15.jsonl", 0.84, 0.94, 0.95, 0.9, 0.045)]
    // Stop 35. tuning-fresh-22 (a fire department's day, 15 permission questions) on arrival 0.809 / 0.912 / 0.875, off-topic
    // declined 0.667; now 0.838 / 0.926 / 0.975, 1.0 (the boosted trees, the scope words and the retraining).
    [InlineData("tuning-fresh-22.jsonl", 0.83, 0.92, 0.96)]
    // Stop 36. tuning-fresh-23 (a fire department's day again) on arrival 0.809 / 0.868 / 0.912, off-topic declined 0.917,
    // false declines 0.059; now 0.868 / 0.912 / 1.0, 1.0, 0 (the scope words, the asked veto, the retraining and かかる no
    // longer respelled 係る).
    [InlineData("tuning-fresh-23.jsonl", 0.86, 0.9, 0.98)]
    // Stop 37. tuning-fresh-24 (a day in the 総務課 and a station) on arrival 0.94 / 0.985 / 0.988, off-topic declined 0.923;
    // after the retraining with it 0.94 / 0.985 / 1.0, 1.0.
    [InlineData("tuning-fresh-24.jsonl", 0.92, 0.97, 0.98)]
    // Stop 30's scope threshold declines up to 4 % of the training's in-scope questions (was 2 %), chosen on the older
    // held-out files, where off-topic declined rose from 0.8-0.9 to 0.85-1.0 and false declines from 0-0.007 to 0-0.02:
    // a tuning file may now decline up to 4 % of its answerable questions.
    public async Task TuningQuestions_MeetTheirFloors(string file, double hit1, double hit3, double intent, double oos = 0.9, double falseReject = 0.04)
    {
        var s = await Evaluate(file);
        Assert.True(s.Hit1 >= hit1, $"hit@1 {s.Hit1}");
        Assert.True(s.Hit3 >= hit3, $"hit@3 {s.Hit3}");
        Assert.True(s.OosReject >= oos, $"oos_reject {s.OosReject}");
        Assert.True(s.OosFalseReject <= falseReject, $"oos_false_reject {s.OosFalseReject}");
        Assert.True(s.IntentAcc >= intent, $"intent {s.IntentAcc}");
    }

    // Measured: tuning-multi 0.925 of 40 with every part in the top 5, hit@3 0.975, intent 1.0; tuning-multi-2 (on
    // arrival 0.475 / 0.925 / 0.775) 0.65 / 1.0 / 0.975.
    [Theory]
    [InlineData("tuning-multi.jsonl", 0.9, 0.95, 0.97)]
    [InlineData("tuning-multi-2.jsonl", 0.62, 0.97, 0.95)]
    // tuning-multi-3 on arrival 0.8 / 0.964 / 0.812 (off-topic declined 0.64); now 0.8 / 0.964 / 0.925 (0.84).
    [InlineData("tuning-multi-3.jsonl", 0.78, 0.95, 0.92)]
    // tuning-multi-4 on arrival 0.7 / 0.933 / 0.862 (off-topic declined 0.75); now 0.7 / 0.933 / 0.912 (0.85).
    [InlineData("tuning-multi-4.jsonl", 0.68, 0.92, 0.9)]
    // tuning-multi-5 on arrival 0.65 / 0.967 / 0.838 (off-topic declined 0.75); now 0.725 / 1.0 / 0.925 (0.95).
    [InlineData("tuning-multi-5.jsonl", 0.7, 0.98, 0.9)]
    // tuning-multi-6 on arrival 0.8 / 0.95 / 0.812 (0.85); now 0.8 / 0.967 / 0.925 (0.95).
    [InlineData("tuning-multi-6.jsonl", 0.78, 0.95, 0.91)]
    // tuning-multi-7 on arrival 0.675 / 0.983 / 0.925 (0.85); now 0.667 / 0.983 / 0.962 (0.95): ud06, a virus warning on
    // screen, relabelled a report, leaves 39 many-part questions. Most misses lose a table (別表) or a role's clause.
    // Stop 35's boosted trees: hit@3 0.967 (was 0.983); every part in the top 5 unchanged.
    [InlineData("tuning-multi-7.jsonl", 0.65, 0.96, 0.95)]
    // tuning-multi-8 (long three-part questions) on arrival 0.525 / 0.933 / 0.9; now 0.73 / 0.95 / 0.938: a part that
    // asks which class gets the table, the clause questions of p6, the discipline slot. uh05, uh22 and uh32 (a virus warning, a mail to
    // the wrong hospital, a hijacked account) relabelled reports; in stop 28 uh29 (an attachment opened) too.
    // Stop 35's boosted trees: every part in the top 5 0.667 (was 0.722).
    [InlineData("tuning-multi-8.jsonl", 0.66, 0.93, 0.92)]
    // tuning-multi-9 (one situation from several sides: steps of one procedure, items of one list) on arrival 0.625 /
    // 0.967 / 0.812; now 0.647 / 0.967 / 0.912. Six of its many-part messages tell an event that is happening (a popup
    // that may have leaked data, a password typed into a phishing page, a mail to 30 outsiders in To, a DDoS) and are
    // relabelled reports; most misses need two or three items of one list (4.2(2)②③④, 5.3(1)①②③). An enumeration
    // inside one of three sentences (「…係長とか補佐はどこに上げるの…」) no longer replaces the sentences as parts: 0.676.
    // Stop 35's retrained trees: every part in the top 5 0.647 (was 0.676).
    [InlineData("tuning-multi-9.jsonl", 0.64, 0.95, 0.9)]
    // tuning-multi-10 (parts joined as in chat; chapters 2, 3, 4, 7 and 9) on arrival 0.75 / 1.0 / 0.95; not tuned on.
    [InlineData("tuning-multi-10.jsonl", 0.72, 0.98, 0.93)]
    // Stop 29. tuning-multi-11 (parts joined by あと, lists, run-ons) on arrival 0.844 / 1.0 / 0.883; now 0.822 / 1.0 / 0.9.
    // Its intent misses are plans told with two questions (a form starts where the author wanted the answers).
    // Stop 35's boosted trees: every part in the top 5 0.756 (was 0.8); pooled over the held-out files it rose.
    [InlineData("tuning-multi-11.jsonl", 0.75, 0.98, 0.88)]
    // Stop 38. tuning-multi-14 (a new member's first week, a vendor visit, a night shift, a deployment, an audit) on
    // arrival 0.833 / 1.0 / 0.967; 0.867 with the learned part fusion, which it helped train.
    [InlineData("tuning-multi-14.jsonl", 0.83, 0.98, 0.95)]
    public async Task TuningMultiPartQuestions_MeetTheirFloors(string file, double multiHop, double hit3, double intent)
    {
        var s = await Evaluate(file);
        Assert.True(s.MultiHopAllTop5 >= multiHop, $"multi-hop {s.MultiHopAllTop5}");
        Assert.True(s.Hit3 >= hit3, $"hit@3 {s.Hit3}");
        Assert.True(s.IntentAcc >= intent, $"intent {s.IntentAcc}");
    }
}
