using System.Text.RegularExpressions;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge;

/// <summary>Decides whether a question is a form request, an out-of-scope question, or a question to answer (rules in knowledge/data/intents.tsv).</summary>
public sealed class IntentClassifier
{
    private readonly List<IntentRule> _forms = [];
    private readonly List<Regex> _outOfScope = [];
    private readonly List<Regex> _inScope = [];

    private sealed record IntentRule(PolicyIntent Intent, Regex Topic, Regex Cue, IReadOnlyList<string> ClauseIds);

    private IntentClassifier() { }

    public static IntentClassifier Parse(string tsv)
    {
        var classifier = new IntentClassifier();
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.StartsWith('#')) continue;
            var cols = line.Split('\t');
            if (cols.Length >= 2 && cols[0] == "InScope")
            {
                classifier._inScope.Add(new Regex(cols[1], RegexOptions.IgnoreCase | RegexOptions.Compiled));
                continue;
            }
            if (cols.Length < 2 || !Enum.TryParse<PolicyIntent>(cols[0], out var intent))
                throw new FormatException($"Intent line needs an intent name and a topic: {line}");
            var topic = new Regex(cols[1], RegexOptions.IgnoreCase | RegexOptions.Compiled);
            if (intent == PolicyIntent.OutOfScope) { classifier._outOfScope.Add(topic); continue; }
            var cue = new Regex(cols.Length > 2 && cols[2] != "-" ? cols[2] : ".", RegexOptions.IgnoreCase | RegexOptions.Compiled);
            var ids = cols.Length > 3 ? cols[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            classifier._forms.Add(new IntentRule(intent, topic, cue, ids));
        }
        return classifier;
    }

    public static IntentClassifier LoadEmbedded() => Parse(EmbeddedPolicy.ReadResource(EmbeddedPolicy.IntentsResource));

    /// <summary>The form this question asks for, with the clauses behind it, or null.</summary>
    public (PolicyIntent Intent, IReadOnlyList<string> ClauseIds)? DetectForm(string question)
    {
        var q = JapaneseNormalizer.Widths(question);
        foreach (var rule in _forms)
            if (rule.Topic.IsMatch(q) && rule.Cue.IsMatch(q))
                return (rule.Intent, rule.ClauseIds);
        return null;
    }

    /// <summary>True when the question is about a topic another set of rules covers (leave, pay, toner, parking…).</summary>
    public bool MentionsOutOfScopeTopic(string question)
    {
        var q = JapaneseNormalizer.Widths(question);
        return _outOfScope.Any(r => r.IsMatch(q));
    }

    /// <summary>True when the question names something the policy is about (passwords, devices, mail, data…).</summary>
    public bool MentionsSecurityTopic(string question)
    {
        var q = JapaneseNormalizer.Widths(question);
        return _inScope.Any(r => r.IsMatch(q));
    }
}
