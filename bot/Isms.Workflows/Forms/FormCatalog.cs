using Isms.Workflows.Procedures;

namespace Isms.Workflows.Forms;

/// <summary>The procedures' definitions by kind. A new procedure is its definition file and one line here.</summary>
public sealed class FormCatalog
{
    private readonly Dictionary<FormKind, FormDefinition> _definitions;
    private readonly Dictionary<FormKind, int> _order;
    private readonly Func<ChoiceSource, IReadOnlyList<ChoiceOption>>? _sourcedChoices;

    /// <param name="sourcedChoices">The current choices of a <see cref="ChoiceSource"/> (the org directory's systems);
    /// without it a field offers only its own choices.</param>
    /// <param name="more">Procedures besides the union's, listed after them (a test's own procedure).</param>
    public FormCatalog(FormsOptions options, Func<ChoiceSource, IReadOnlyList<ChoiceOption>>? sourcedChoices = null, IEnumerable<FormDefinition>? more = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sourcedChoices = sourcedChoices;
        FormDefinition[] all =
        [
            MisdeliveryReportDefinition.Create(),
            TakeoutRequestDefinition.Create(options.TakeoutMeasures),
            WebMeetingRequestDefinition.Create(options.WebMeetingApprover, options.WebMeetingInvitationNeedsApproval),
            CloudUseRequestDefinition.Create(),
            IncidentReportDefinition.Create(options.MalwareFirstResponse),
            FaultReportDefinition.Create(options.MalwareFirstResponse),
            SoftwareChangeRequestDefinition.Create(),
            OutsideDeviceRequestDefinition.Create(),
            InformationProvisionRequestDefinition.Create(),
            DisposalRequestDefinition.Create(),
            ExceptionMeasureRequestDefinition.Create(),
            .. more ?? [],
        ];
        _definitions = all.ToDictionary(d => d.Kind);
        _order = all.Select((d, i) => (d.Kind, i)).ToDictionary(x => x.Kind, x => x.i);
    }

    /// <summary>The definitions with the default settings: for what does not depend on settings (kinds, keys, words,
    /// field ids, hooks), where no configured catalog is at hand (the routing rules loader, the approvals).</summary>
    public static FormCatalog Standard { get; } = new(new FormsOptions());

    public IEnumerable<FormDefinition> All => _definitions.Values;

    public IEnumerable<FormKind> Kinds => _definitions.Keys;

    /// <summary>The definition, its sourced choices as they are now.</summary>
    public FormDefinition Get(FormKind kind) => WithSourcedChoices(_definitions[kind]);

    public bool Contains(FormKind kind) => _definitions.ContainsKey(kind);

    /// <summary>Where the catalog lists the procedure; int.MaxValue when it does not.</summary>
    public int Position(FormKind kind) => _order.TryGetValue(kind, out var position) ? position : int.MaxValue;

    /// <summary>The procedure a key (or a stored name) names; null when there is none.</summary>
    public FormDefinition? Find(string? key) =>
        FormKind.TryParse(key, out var kind) && _definitions.TryGetValue(kind, out var definition) ? WithSourcedChoices(definition) : null;

    private FormDefinition WithSourcedChoices(FormDefinition definition)
    {
        if (_sourcedChoices is null || !definition.AllFields.Any(f => f.ChoicesFrom != ChoiceSource.None))
        {
            return definition;
        }

        return definition with
        {
            Steps = definition.Steps.Select(step => step with
            {
                Fields = step.Fields.Select(f => f.ChoicesFrom == ChoiceSource.None ? f : f with
                {
                    Choices = [.. _sourcedChoices(f.ChoicesFrom).Where(c => f.Choices.All(own => own.Value != c.Value)), .. f.Choices],
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// The procedure a clause leads to: one that cites it for the whole procedure (its own clauses first, then its
    /// rules'), not for a single field (2(1) behind a 機密性 question). A rule that marks the record an incident cites the
    /// incident chain (5.3(1)), which is the incident report's business, not the form's. Null when none does.
    /// </summary>
    public FormDefinition? LeadingTo(string clauseId) =>
        All.OrderBy(d => Position(d.Kind)).FirstOrDefault(d => d.Clauses.Contains(clauseId))
        ?? All.OrderBy(d => Position(d.Kind)).FirstOrDefault(d => d.Rules.Any(r => !r.Effects.HasFlag(RuleEffects.MarkIncident) && r.Clauses.Contains(clauseId)));
}
