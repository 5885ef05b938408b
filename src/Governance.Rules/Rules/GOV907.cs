using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV907: a person whose allocations (<c>resources</c> of the plans of active projects, across the portfolio) add up to
/// more than <see cref="GOV907Options.MaxAllocationPct"/> on some day, from today on unless
/// <see cref="GOV907Options.IncludePast"/>. Periods are inclusive at both ends. One finding per person and contiguous
/// over-allocated interval, at the allocation that first pushes the person over the maximum.
/// </summary>
internal sealed class GOV907 : GovernanceRule<GOV907Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV907",
        "Person over-allocated",
        "Person {0} is allocated up to {1}% from {2} to {3}, more than maxAllocationPct ({4}%), across {5}; reduce the allocations or move their periods so that they add up to at most {4}%",
        RuleCategories.Portfolio,
        Severity.Error,
        "Nobody is allocated more than maxAllocationPct percent of their time: the allocations of a person in the plans of active projects (notStarted, inProgress, onHold) add up to at most the maximum on every day from today on.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterPortfolioAction(context =>
        {
            var options = context.GetOptions<GOV907Options>();
            var byPerson = Collect(context.Portfolio, options.IncludePast ? null : context.Today.DayNumber);
            foreach (var (personId, allocations) in byPerson)
            {
                foreach (var interval in OverAllocated(allocations, options.MaxAllocationPct))
                    Report(context, personId, allocations, interval, options.MaxAllocationPct);
            }
        });

    /// <summary>One allocation, its period as day numbers (clipped to today unless past days count) and its position.</summary>
    private sealed record Allocation(ProjectPlan Plan, ResourceAllocation Resource, decimal Pct, int Start, int End, int OriginalStart, int Order);

    /// <summary>An over-allocated interval of days (inclusive) and the highest total within it.</summary>
    private readonly record struct Interval(int Start, int End, decimal Peak);

    /// <summary>
    /// The allocations of each person in the plans of active projects, in document order. A plan's project is the
    /// Project its <c>projectId</c> names. Allocations without a person, a positive percentage or a complete period are
    /// skipped, and so are those that end before <paramref name="firstDay"/>.
    /// </summary>
    private static Dictionary<string, List<Allocation>> Collect(PortfolioIndex portfolio, int? firstDay)
    {
        var byPerson = new Dictionary<string, List<Allocation>>(StringComparer.Ordinal);
        var order = 0;
        foreach (var plan in portfolio.OfKind<ProjectPlan>())
        {
            var spec = plan.Spec;
            if (spec?.Resources is not { Count: > 0 } resources) continue;
            if (!portfolio.TryGetArtifact<Project>(spec.ProjectId, out var project) || !(project.Spec?.Status).IsActive()) continue;
            foreach (var resource in resources)
            {
                if (resource is not { PersonId: { } personId, AllocationPct: { } pct, Period: { Start: { } from, End: { } to } }) continue;
                if (personId.IsBlank() || pct <= 0 || to < from) continue;
                var start = from.DayNumber;
                var end = to.DayNumber;
                if (firstDay is { } first)
                {
                    if (end < first) continue;
                    start = Math.Max(start, first);
                }

                if (!byPerson.TryGetValue(personId, out var list)) byPerson[personId] = list = [];
                list.Add(new Allocation(plan, resource, pct, start, end, from.DayNumber, order++));
            }
        }

        return byPerson;
    }

    /// <summary>
    /// Sweeps the allocations' start and end (+1) days: every maximal run of consecutive days on which the total exceeds
    /// <paramref name="max"/> is one interval.
    /// </summary>
    private static List<Interval> OverAllocated(List<Allocation> allocations, decimal max)
    {
        var intervals = new List<Interval>();
        if (allocations.Count == 0 || (allocations.Count == 1 && allocations[0].Pct <= max)) return intervals;

        var events = new List<(int Day, decimal Delta)>(allocations.Count * 2);
        foreach (var allocation in allocations)
        {
            events.Add((allocation.Start, allocation.Pct));
            events.Add((allocation.End + 1, -allocation.Pct));
        }

        events.Sort((a, b) => a.Day.CompareTo(b.Day));
        var total = 0m;
        int? openStart = null;
        var peak = 0m;
        for (var i = 0; i < events.Count;)
        {
            var day = events[i].Day;
            for (; i < events.Count && events[i].Day == day; i++) total += events[i].Delta;

            // The total holds from this day until the day before the next event.
            if (total > max)
            {
                openStart ??= day;
                peak = Math.Max(peak, total);
            }
            else if (openStart is { } start)
            {
                intervals.Add(new Interval(start, day - 1, peak));
                openStart = null;
                peak = 0m;
            }
        }

        // The last event ends every allocation, so the total is 0 there and no interval stays open.
        return intervals;
    }

    private static void Report(PortfolioRuleContext context, string personId, List<Allocation> allocations, Interval interval, decimal max)
    {
        // The allocation that pushes the person over: those running on the interval's first day, in the order they
        // began (then document order); the first whose running total exceeds the maximum.
        var running = 0m;
        Allocation? pusher = null;
        foreach (var allocation in allocations
            .Where(a => a.Start <= interval.Start && interval.Start <= a.End)
            .OrderBy(a => a.OriginalStart)
            .ThenBy(a => a.Order))
        {
            running += allocation.Pct;
            if (running <= max) continue;
            pusher = allocation;
            break;
        }

        if (pusher is null) return; // cannot happen: the total on the first day exceeds the maximum

        var plans = new List<ProjectPlan>();
        foreach (var allocation in allocations)
        {
            if (allocation.Start > interval.End || allocation.End < interval.Start) continue;
            if (!plans.Contains(allocation.Plan, ReferenceEqualityComparer.Instance)) plans.Add(allocation.Plan);
        }

        var person = context.Portfolio.TryGetPerson(personId, out var found) && !found.Name.IsBlank()
            ? $"'{personId}' ({found.Name})"
            : $"'{personId}'";
        var across = (plans.Count == 1 ? "plan " : "plans ") + RuleFacts.JoinAnd([.. plans.Select(DescribePlan)]);
        context.Report(
            pusher.Plan,
            pusher.Resource,
            null,
            null,
            person,
            PlanRuleFacts.NumberText(interval.Peak),
            RuleFacts.DateText(DateOnly.FromDayNumber(interval.Start)),
            RuleFacts.DateText(DateOnly.FromDayNumber(interval.End)),
            PlanRuleFacts.NumberText(max),
            across);
    }

    /// <summary><c>'plan-billing' (project 'project-billing')</c>.</summary>
    private static string DescribePlan(ProjectPlan plan)
    {
        var project = plan.Spec?.ProjectId;
        return plan.Id.IsBlank() ? $"a plan of project '{project}'" : $"'{plan.Id}' (project '{project}')";
    }
}

/// <summary>Options of GOV907.</summary>
internal sealed record GOV907Options
{
    /// <summary>The most a person may be allocated on any day, in percent of their time. Default 100.</summary>
    public decimal MaxAllocationPct { get; init; } = 100m;

    /// <summary>Whether days before today count too; by default only today and later are checked. Default false.</summary>
    public bool IncludePast { get; init; }
}
