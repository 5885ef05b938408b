namespace Governance.Rules.Tracing;

/// <summary>
/// A small trace model in which every list has entries and every optional value (title, statement, status) is set once
/// and absent once, and every kind of gap occurs: each trace template is rendered against it when compiled, so a
/// misspelled field is an error whatever the portfolio holds.
/// </summary>
internal static class TraceSpecimen
{
    public static TraceModel Build()
    {
        TraceItem[] work = [new("st-1", "Story", "InProgress"), new("st-2", null, null)];
        RoadmapItemTrace[] items =
        [
            new("ri-1", "Served", "InProgress", work, work),
            new("ri-2", null, null, [], []),
            new("ri-3", "Nothing delivers it", "Planned", [], []),
        ];
        return new TraceModel(
        [
            new ProductTrace(
                "app",
                "The app",
                [new ObjectiveTrace("o-1", "Grow", items), new ObjectiveTrace("o-2", null, [])],
                items,
                work),
            new ProductTrace("other", null, [], [], []),
        ]);
    }
}
