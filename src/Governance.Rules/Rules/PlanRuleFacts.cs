using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// Shared vocabulary of the plan rules (GOV4xx) and of GOV504, which must judge a plan exactly as GOV408 and GOV410 do:
/// how items are named in messages, which milestones are overdue and which budget figures exceed the approved budget.
/// </summary>
internal static class PlanRuleFacts
{
    /// <summary>Records equal to these have every field absent: empty objects, blank (SPEC §H), so not entries.</summary>
    internal static readonly Risk BlankRisk = new();
    internal static readonly Milestone BlankMilestone = new();
    internal static readonly Stakeholder BlankStakeholder = new();
    internal static readonly RaciEntry BlankRaciEntry = new();
    internal static readonly CommunicationEntry BlankCommunicationEntry = new();
    internal static readonly Assumption BlankAssumption = new();
    internal static readonly Dependency BlankDependency = new();
    internal static readonly Money BlankMoney = new();

    /// <summary>The entries of <paramref name="values"/> that are neither null nor equal to <paramref name="blank"/>, with their indexes.</summary>
    public static IEnumerable<(T Item, int Index)> Entries<T>(IReadOnlyList<T>? values, T blank)
        where T : class
    {
        if (values is null) yield break;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null || value.Equals(blank)) continue;
            yield return (value, i);
        }
    }

    /// <summary><c>'p-cfo' (Chris Doe)</c> with the person's name from the Portfolio, <c>'p-cfo'</c>, the stakeholder's name, or its index.</summary>
    public static string Describe(Stakeholder stakeholder, int index, PortfolioIndex portfolio)
    {
        var name = !stakeholder.Name.IsBlank()
            ? stakeholder.Name
            : portfolio.TryGetPerson(stakeholder.PersonId, out var person) ? person.Name : null;
        return RuleFacts.DescribeQuotingLoneTitle(stakeholder.PersonId, name, index);
    }

    /// <summary>A decimal without trailing zeros or separators: <c>110000</c>, <c>1234.5</c>.</summary>
    public static string NumberText(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>The camelCase name of an enum value, as written in documents.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.DocumentName();

    /// <summary>A milestone that GOV408 reports: its effective due date, which field holds it and how many days late it is.</summary>
    internal sealed record OverdueMilestone(Milestone Milestone, int Index, DateOnly Due, string DueProperty, int DaysLate);

    /// <summary>
    /// GOV408's condition: milestones with status <c>planned</c> or <c>atRisk</c>, no <c>actualDate</c>, whose effective
    /// date (<c>forecastDate</c>, else <c>baselineDate</c>) is more than <paramref name="graceDays"/> days before today.
    /// </summary>
    public static IEnumerable<OverdueMilestone> OverdueMilestones(ProjectPlanSpec spec, DateOnly today, int graceDays)
    {
        foreach (var (milestone, index) in Entries(spec.Milestones, BlankMilestone))
        {
            if (milestone.Status is not (MilestoneStatus.Planned or MilestoneStatus.AtRisk) || milestone.ActualDate is not null) continue;
            var (due, property) = milestone.ForecastDate is { } forecast
                ? (forecast, nameof(Milestone.ForecastDate))
                : milestone.BaselineDate is { } baseline ? (baseline, nameof(Milestone.BaselineDate)) : (default(DateOnly?), string.Empty);
            if (due is not { } date) continue;
            var late = RuleFacts.DaysBetween(date, today);
            if (late > graceDays) yield return new OverdueMilestone(milestone, index, date, property, late);
        }
    }

    /// <summary>What GOV410 finds about one figure of a budget.</summary>
    internal enum BudgetFinding
    {
        /// <summary><c>actualToDate</c> exceeds <c>approved</c> (error).</summary>
        ActualOverApproved,

        /// <summary><c>forecastAtCompletion</c> exceeds <c>approved</c> by more than the tolerance (warning).</summary>
        ForecastOverTolerance,

        /// <summary>The figure and <c>approved</c> are in different currencies, so they are not compared (always info).</summary>
        CurrencyMismatch,
    }

    /// <summary>One GOV410 finding: the figure compared, its currency and that of <c>approved</c>, and the amounts.</summary>
    internal sealed record BudgetComparison(
        BudgetFinding Finding,
        Money Figure,
        string Property,
        decimal Amount,
        string? Currency,
        decimal Approved,
        string? ApprovedCurrency,
        decimal Limit);

    /// <summary>
    /// GOV410's condition, in exact decimals: <c>actualToDate</c> &gt; <c>approved</c>; <c>forecastAtCompletion</c> &gt;
    /// <c>approved</c> × (1 + <paramref name="costTolerancePct"/>/100); a figure in another currency than <c>approved</c>
    /// is not compared. A blank currency takes the first Portfolio's <c>defaults.currency</c>; when it stays blank, the
    /// amount is taken to be in the other's currency.
    /// </summary>
    public static IEnumerable<BudgetComparison> BudgetComparisons(ProjectPlanSpec spec, PortfolioIndex portfolio, decimal costTolerancePct)
    {
        if (spec.Budget is not { Approved: { Amount: { } approved } approvedMoney } budget) yield break;
        var defaultCurrency = DefaultCurrency(portfolio);
        var approvedCurrency = Currency(approvedMoney, defaultCurrency);
        if (budget.ActualToDate is { Amount: { } actual } actualMoney)
        {
            var currency = Currency(actualMoney, defaultCurrency);
            if (!SameCurrency(currency, approvedCurrency))
                yield return new(BudgetFinding.CurrencyMismatch, actualMoney, nameof(Budget.ActualToDate), actual, currency, approved, approvedCurrency, approved);
            else if (actual > approved)
                yield return new(BudgetFinding.ActualOverApproved, actualMoney, nameof(Budget.ActualToDate), actual, currency ?? approvedCurrency, approved, approvedCurrency ?? currency, approved);
        }

        if (budget.ForecastAtCompletion is { Amount: { } forecast } forecastMoney)
        {
            var currency = Currency(forecastMoney, defaultCurrency);
            if (!SameCurrency(currency, approvedCurrency))
            {
                yield return new(BudgetFinding.CurrencyMismatch, forecastMoney, nameof(Budget.ForecastAtCompletion), forecast, currency, approved, approvedCurrency, approved);
            }
            else if (forecast * 100m > approved * (100m + costTolerancePct))
            {
                // Compared as forecast × 100 > approved × (100 + tolerance): no division, so no rounding at the limit.
                var limit = approved * (100m + costTolerancePct) / 100m;
                yield return new(BudgetFinding.ForecastOverTolerance, forecastMoney, nameof(Budget.ForecastAtCompletion), forecast, currency ?? approvedCurrency, approved, approvedCurrency ?? currency, limit);
            }
        }
    }

    /// <summary>An amount with its currency, <c>120000 EUR</c>, or the bare amount when the currency is unknown.</summary>
    public static string Amount(decimal amount, string? currency) =>
        currency.IsBlank() ? NumberText(amount) : $"{NumberText(amount)} {currency}";

    /// <summary>The <c>defaults.currency</c> of the first Portfolio artifact that has one.</summary>
    private static string? DefaultCurrency(PortfolioIndex portfolio)
    {
        foreach (var artifact in portfolio.OfKind<Portfolio>())
        {
            if (artifact.Spec?.Defaults?.Currency is { } currency && !currency.IsBlank()) return currency.Trim();
        }

        return null;
    }

    private static string? Currency(Money money, string? defaultCurrency) =>
        money.Currency.IsBlank() ? defaultCurrency : money.Currency!.Trim();

    /// <summary>ISO-4217 codes compare case-insensitively; an unknown currency is taken to be the other's.</summary>
    private static bool SameCurrency(string? a, string? b) =>
        a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
