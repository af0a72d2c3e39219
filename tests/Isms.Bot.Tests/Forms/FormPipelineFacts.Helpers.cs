using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Forms.FormConversation;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Forms;

/// <summary>How the form tests fill a form in: card by card with the plain answers, and the checks on a card shown again.</summary>
public abstract partial class FormPipelineFacts
{
    internal async Task Start(FormConversation person)
    {
        await person.Say(Command);
        Assert.Contains($"{Title}（1/", AllText(person.Card));
    }

    /// <summary>Presses 次へ through every card with the plain answers, ending on the confirmation card.</summary>
    internal Task FillToConfirmation(FormConversation person) => FillFrom(person, step: 0);

    /// <summary>Fills the cards from <paramref name="step"/> on, each asking exactly its <see cref="Steps"/> and fitting one
    /// screen at 1366×625 and on a 390 px phone.</summary>
    internal async Task FillFrom(FormConversation person, int step)
    {
        for (var i = step; i < Steps.Length; i++)
        {
            Assert.Equal(Steps[i].Select(a => a.Field).Order(), FieldIds(person.Card).Order());
            Assert.True(!CardsFitOneScreen || CardHeight.FitsOneScreen(person.Card),
                $"card {i + 1} is {CardHeight.Estimate(person.Card, CardHeight.LaptopWidth):0} px at 1366x625, {CardHeight.Estimate(person.Card, CardHeight.PhoneWidth):0} px on a phone");
            await person.Press("次へ", Steps[i]);
            Assert.DoesNotContain("入力内容を確認してください", AllText(person.Card));
        }

        Assert.Contains($"{Title}の内容確認", AllText(person.Card));
        Assert.True(!CardsFitOneScreen || CardHeight.FitsOneScreen(person.Card),
            $"the confirmation is {CardHeight.Estimate(person.Card, CardHeight.LaptopWidth):0} px at 1366x625, {CardHeight.Estimate(person.Card, CardHeight.PhoneWidth):0} px on a phone");
    }

    /// <summary>Presses 次へ until the confirmation, typing the plain answer (or the one in <paramref name="instead"/>) of
    /// every question a card shows, however the cards are cut.</summary>
    internal async Task FillRest(FormConversation person, params (string Field, string Value)[] instead)
    {
        var answers = Steps.SelectMany(s => s).Concat(instead).GroupBy(a => a.Field).ToDictionary(g => g.Key, g => g.Last().Value);
        for (var presses = 0; !AllText(person.Card).Contains($"{Title}の内容確認"); presses++)
        {
            Assert.True(presses < 10, "the form never reached its confirmation");
            await person.Press("次へ", [.. FieldIds(person.Card).Where(answers.ContainsKey).Select(f => (f, answers[f]))]);
            Assert.DoesNotContain("入力内容を確認してください", AllText(person.Card));
        }
    }

    /// <summary>Fills the cards before <paramref name="page"/> with the plain answers.</summary>
    internal async Task ReachPage(FormConversation person, int page)
    {
        for (var i = 0; i < page; i++)
        {
            await person.Press("次へ", Steps[i]);
            Assert.Contains($"{Title}（{i + 2}/", AllText(person.Card));
        }
    }

    internal static async Task<string> SubmitAndReadNumber(FormConversation person)
    {
        await person.Press("送信");
        return Facts(person.Card)["受付番号"];
    }

    /// <summary>The card (0-based) of the plain path that asks <paramref name="field"/>.</summary>
    protected int PageOf(string field) => Array.FindIndex(Steps, s => s.Any(a => a.Field == field)) is var page and >= 0
        ? page : throw new InvalidOperationException($"No card of the plain path asks {field}");

    /// <summary>The first card's answers with one replaced.</summary>
    protected (string Field, string Value)[] WithFirstStep(string field, string value) => WithStep(0, field, value);

    /// <summary>The answers of card <paramref name="page"/> with one replaced.</summary>
    protected (string Field, string Value)[] WithStep(int page, string field, string value) =>
        [.. Steps[page].Where(a => a.Field != field), (field, value)];

    protected void AssertStillFirstStepWithTypedValuesKept(JsonObject card, string? except, int errors) =>
        AssertStillOnPageWithTypedValuesKept(card, 0, except, errors);

    protected void AssertStillOnPageWithTypedValuesKept(JsonObject card, int page, string? except, int errors)
    {
        var text = AllText(card);
        Assert.Contains($"{Title}（{page + 1}/", text);
        if (errors > 0)
        {
            Assert.Contains($"入力内容を確認してください（{errors}件）。", text);
        }

        foreach (var (field, value) in Steps[page].Where(a => a.Field != except))
        {
            Assert.Equal(value, InputValue(card, field));
        }
    }
}
