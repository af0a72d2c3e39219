namespace Isms.Workflows.Forms.Prefill;

/// <summary>Puts extracted facts into the fields of a definition that declare a <see cref="PrefillSource"/>.</summary>
public static class PrefillMapper
{
    public static Dictionary<string, string> Map(FormDefinition definition, string? freeText, DateOnly today)
    {
        var answers = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(freeText))
        {
            return answers;
        }

        // A form that plans something reads "12月3日" as the next one; a report as the last one.
        var direction = definition.AllFields.Any(f => f.DateRule == DateRule.TodayOrLaterWithinYear) ? DateDirection.Future : DateDirection.Past;
        var facts = PrefillExtractor.Extract(freeText, today, direction);
        foreach (var field in definition.AllFields)
        {
            var value = field.Prefill switch
            {
                PrefillSource.StartDate or PrefillSource.EventDate => facts.Dates is { } d ? FieldValues.FormatDate(d.From) : null,
                PrefillSource.EndDate => facts.Dates?.Until is { } until ? FieldValues.FormatDate(until) : null,
                PrefillSource.StartTime => facts.Time is { } t ? FieldValues.FormatTime(t) : null,
                PrefillSource.ItemKind => facts.ItemKind,
                PrefillSource.MeetingService => facts.MeetingService,
                PrefillSource.HostOrganisation => facts.HostOrganisation,
                PrefillSource.CloudService => facts.CloudService,
                PrefillSource.IncidentKind => facts.IncidentKind,
                _ => null,
            };
            if (value is null || (field.Type == FieldType.Choice && field.ChoiceTitle(value) is null))
            {
                continue;
            }

            answers[field.Id] = value;
        }

        return answers;
    }
}
