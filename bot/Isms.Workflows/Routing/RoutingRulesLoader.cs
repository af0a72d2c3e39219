using System.Text.RegularExpressions;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Isms.Workflows.Routing;

/// <summary>Reads routing-rules.yaml and checks every form, role, setting and clause it names.</summary>
public static class RoutingRulesLoader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static RoutingRules LoadFile(string path, IClauseCatalog clauses, IReadOnlyDictionary<string, string?>? settingOverrides = null)
    {
        if (!File.Exists(path)) throw new RoutingRulesException(path, ["the file does not exist"]);
        return Parse(File.ReadAllText(path), clauses, settingOverrides, path);
    }

    public static RoutingRules Parse(
        string yaml, IClauseCatalog clauses, IReadOnlyDictionary<string, string?>? settingOverrides = null, string source = "(text)")
    {
        RulesFile? file;
        try
        {
            file = Deserializer.Deserialize<RulesFile>(yaml);
        }
        catch (YamlException e)
        {
            throw new RoutingRulesException(source, [$"line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}"]);
        }

        if (file?.Rules is null || file.Rules.Count == 0) throw new RoutingRulesException(source, ["no rules"]);
        var settings = new Dictionary<string, string>(file.Settings ?? [], StringComparer.Ordinal);
        foreach (var (key, value) in settingOverrides ?? new Dictionary<string, string?>())
            if (!string.IsNullOrWhiteSpace(value)) settings[key] = value.Trim();

        var errors = new List<string>();
        var rules = new List<RoutingRule>();
        foreach (var entry in file.Rules)
        {
            var line = LineOf(yaml, entry.Name);
            var where = $"rule '{entry.Name}' (line {line})";
            if (string.IsNullOrWhiteSpace(entry.Name)) errors.Add($"a rule has no name (line {line})");
            else if (rules.Any(r => r.Name == entry.Name)) errors.Add($"{where}: the name is used twice");
            var forms = new List<FormKind>();
            foreach (var form in entry.Forms ?? [])
            {
                if (FormKind.TryParse(form, out var kind) && FormCatalog.Standard.Contains(kind)) forms.Add(kind);
                else errors.Add($"{where}: unknown form '{form}' (one of {string.Join(", ", FormCatalog.Standard.Kinds.Select(k => k.StoredName))})");
            }

            if (entry.Forms is null || entry.Forms.Count == 0) errors.Add($"{where}: no forms");
            var steps = new List<RuleStep>();
            var index = 0;
            foreach (var step in entry.Steps ?? [])
            {
                index++;
                var parsed = ParseStep(step, $"{where}, step {index}", forms, settings, clauses, errors);
                if (parsed is not null) steps.Add(parsed);
            }

            if (steps.Count == 0 && (entry.Steps is null || entry.Steps.Count == 0)) errors.Add($"{where}: no steps");
            var when = entry.When is null
                ? RuleCondition.Always
                : new RuleCondition(entry.When.MinConfidentiality, entry.When.MaxConfidentiality, entry.When.Incident,
                    (entry.When.Answers ?? []).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value));
            rules.Add(new RoutingRule(entry.Name ?? "", line, forms, when, steps));
        }

        foreach (var kind in FormCatalog.Standard.Kinds.Where(k => !rules.Any(r => r.Forms.Contains(k))))
            errors.Add($"no rule routes the form {kind}");
        var order = ParseApproverOrder(file.ApproverOrder, errors);
        if (errors.Count > 0) throw new RoutingRulesException(source, errors);
        return new RoutingRules(rules, settings, order);
    }

    private static RuleStep? ParseStep(
        StepEntry step, string where, List<FormKind> forms, Dictionary<string, string> settings, IClauseCatalog clauses, List<string> errors)
    {
        var count = errors.Count;
        if (!Enum.TryParse<StepAction>(step.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action))
            errors.Add($"{where}: unknown action '{step.Action}' (one of {string.Join(", ", Enum.GetNames<StepAction>())})");
        OrgRole? role = null;
        var roleText = Resolve(step.Role, where, settings, errors);
        if (roleText is not null)
        {
            if (OrgRoles.TryParse(roleText, out var parsed)) role = parsed;
            else errors.Add($"{where}: unknown role '{roleText}'");
        }

        if (action == StepAction.Flag && string.IsNullOrWhiteSpace(step.External)) errors.Add($"{where}: a Flag step needs 'external'");
        if (action != StepAction.Flag && step.Role is null) errors.Add($"{where}: a {action} step needs a role");
        if (string.IsNullOrWhiteSpace(step.Clause)) errors.Add($"{where}: no clause");
        else if (!clauses.Exists(step.Clause)) errors.Add($"{where}: unknown clause '{step.Clause}'");
        var system = Resolve(step.System, where, settings, errors);
        var systemAnswer = step.SystemAnswer?.Trim();
        if (systemAnswer is not null)
        {
            if (role is not { } perSystem || !perSystem.IsPerSystem()) errors.Add($"{where}: systemAnswer needs a per-system role (SystemAdministrator, SystemStaff)");
            if (system is null) errors.Add($"{where}: systemAnswer needs a 'system' for answers that name no system the directory knows");
            foreach (var form in forms.Where(f => FormCatalog.Standard.Get(f).FindField(systemAnswer) is null))
                errors.Add($"{where}: the form {form} has no field '{systemAnswer}' (systemAnswer)");
        }

        return errors.Count > count
            ? null
            : new RuleStep(step.Stage ?? 1, action, role, system, step.External?.Trim(), step.Clause!.Trim(), systemAnswer,
                string.IsNullOrWhiteSpace(step.Task) ? null : step.Task.Trim(), step.DoneByApplying ?? false);
    }

    /// <summary>The roles a decision moves up through (1(8)①): required, known roles, each once.</summary>
    private static List<OrgRole> ParseApproverOrder(List<string>? names, List<string> errors)
    {
        if (names is null || names.Count == 0)
        {
            errors.Add("approverOrder: missing (the roles a decision moves up through under 1(8)①, e.g. [SecurityManager, SecurityOfficer, ChiefSecurityOfficer, Ciso])");
            return [];
        }

        var order = new List<OrgRole>();
        foreach (var name in names)
        {
            if (!OrgRoles.TryParse(name, out var role)) errors.Add($"approverOrder: unknown role '{name}'");
            else if (order.Contains(role)) errors.Add($"approverOrder: the role '{name}' is listed twice");
            else order.Add(role);
        }

        return order;
    }

    /// <summary>"$name" refers to a setting (e.g. $cloudPermissionAuthority); anything else is taken as written.</summary>
    private static string? Resolve(string? text, string where, Dictionary<string, string> settings, List<string> errors)
    {
        if (text is null || !text.StartsWith('$')) return text?.Trim();
        if (settings.TryGetValue(text[1..], out var value)) return value;
        errors.Add($"{where}: unknown setting '{text}'");
        return null;
    }

    private static int LineOf(string yaml, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return 0;
        var match = Regex.Match(yaml, $@"name:\s*['""]?{Regex.Escape(name)}['""]?\s*(#.*)?$", RegexOptions.Multiline);
        return match.Success ? yaml[..match.Index].Count(c => c == '\n') + 1 : 0;
    }

    private sealed class RulesFile
    {
        public Dictionary<string, string>? Settings { get; set; }
        public List<RuleEntry>? Rules { get; set; }
        public List<string>? ApproverOrder { get; set; }
    }

    private sealed class RuleEntry
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public List<string>? Forms { get; set; }
        public WhenEntry? When { get; set; }
        public List<StepEntry>? Steps { get; set; }
    }

    private sealed class WhenEntry
    {
        public int? MinConfidentiality { get; set; }
        public int? MaxConfidentiality { get; set; }
        public bool? Incident { get; set; }
        public Dictionary<string, List<string>>? Answers { get; set; }
    }

    private sealed class StepEntry
    {
        public int? Stage { get; set; }
        public string? Action { get; set; }
        public string? Role { get; set; }
        public string? System { get; set; }
        public string? SystemAnswer { get; set; }
        public string? External { get; set; }
        public string? Task { get; set; }
        public string? Clause { get; set; }
        public bool? DoneByApplying { get; set; }
    }
}
