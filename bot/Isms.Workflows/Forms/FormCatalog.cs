using Isms.Workflows.Forms.Definitions;

namespace Isms.Workflows.Forms;

/// <summary>The form definitions by kind. A new form is a new definition added here.</summary>
public sealed class FormCatalog
{
    private readonly Dictionary<FormKind, FormDefinition> _definitions;

    public FormCatalog(FormsOptions options)
    {
        FormDefinition[] all =
        [
            MisdeliveryReportDefinition.Create(),
            TakeoutRequestDefinition.Create(),
            WebMeetingRequestDefinition.Create(options.WebMeetingApprover),
            CloudUseRequestDefinition.Create(),
            IncidentReportDefinition.Create(),
        ];
        _definitions = all.ToDictionary(d => d.Kind);
    }

    public IEnumerable<FormDefinition> All => _definitions.Values;

    public FormDefinition Get(FormKind kind) => _definitions[kind];
}
