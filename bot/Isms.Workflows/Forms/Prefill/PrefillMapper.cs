using System.Text;
using System.Text.RegularExpressions;

namespace Isms.Workflows.Forms.Prefill;

/// <summary>Puts extracted facts into the fields of a definition that declare a <see cref="PrefillSource"/>.</summary>
public static partial class PrefillMapper
{
    /// <summary>The answers the words give; <paramref name="reportClauses"/>: see <see cref="PrefillExtractor.Extract"/>.</summary>
    public static Dictionary<string, string> Map(FormDefinition definition, string? freeText, DateOnly today, IReadOnlyCollection<string>? reportClauses = null)
    {
        var answers = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(freeText))
        {
            return answers;
        }

        // A form that plans something reads "12月3日" as the next one; a report as the last one.
        var direction = definition.AllFields.Any(f => f.DateRule == DateRule.TodayOrLaterWithinYear) ? DateDirection.Future : DateDirection.Past;
        var facts = PrefillExtractor.Extract(freeText, today, direction, reportClauses);
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
                PrefillSource.EndTime => facts.EndTime is { } end ? FieldValues.FormatTime(end) : null,
                PrefillSource.Destination => facts.Destination,
                PrefillSource.Purpose => facts.Purpose,
                PrefillSource.MeetingTitle => facts.MeetingTitle,
                PrefillSource.MeetingRole => facts.MeetingRole,
                PrefillSource.PasswordGiven => facts.PasswordGiven ? "yes" : facts.AccountMisused ? "unknown" : null,
                PrefillSource.Organisation => facts.HostOrganisation,
                PrefillSource.ReportedBy => facts.ReportedBy,
                PrefillSource.Message => SaysMoreThanTheCommand(definition, freeText) ? freeText.Trim() : null,
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

    /// <summary>Whether the words say something beyond naming the procedure (「インシデント報告したい」 says nothing more).</summary>
    private static bool SaysMoreThanTheCommand(FormDefinition definition, string text)
    {
        var rest = definition.CommandWords.Append(definition.Title)
            .Aggregate(text.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), (t, word) => t.Replace(word, "", StringComparison.OrdinalIgnoreCase));
        return Filler().Replace(rest, "").Length >= 4;
    }

    [GeneratedRegex(@"報告|申請|したい|します|しました|をお願いします|お願いします|です|ます|を|が|は|[\s。、．，.,!！?？]")]
    private static partial Regex Filler();
}
