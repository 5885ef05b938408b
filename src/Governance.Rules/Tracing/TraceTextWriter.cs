namespace Governance.Rules.Tracing;

/// <summary>Writes the traceability view as indented text, gaps marked with <c>GAP</c>.</summary>
internal static class TraceTextWriter
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="writer"/>.</summary>
    public static void Write(TraceModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var product in model.Products)
        {
            writer.Write($"Product {product.ProductId}{Title(product.Title)}\n");
            foreach (var objective in product.Objectives)
            {
                writer.Write($"  Objective {objective.Id}{Title(objective.Statement)}{(objective.IsGap ? "  GAP: no roadmap item serves it" : string.Empty)}\n");
                foreach (var item in objective.RoadmapItems) WriteItem(item, "    ", writer);
            }

            if (product.UnlinkedRoadmapItems.Count > 0)
            {
                writer.Write("  Roadmap items linked to no objective:\n");
                foreach (var item in product.UnlinkedRoadmapItems) WriteItem(item, "    ", writer);
            }

            if (product.OrphanBacklogItems.Count > 0)
            {
                writer.Write($"  GAP: {product.OrphanBacklogItems.Count} backlog item(s) trace to no roadmap item: {string.Join(", ", product.OrphanBacklogItems.Select(i => i.Id))}\n");
            }
        }

        writer.Write($"{model.Products.Count} product(s), {model.GapCount} gap(s)\n");
    }

    private static void WriteItem(RoadmapItemTrace item, string indent, TextWriter writer)
    {
        writer.Write($"{indent}Roadmap item {item.Id}{Title(item.Title)}{Status(item.Status)}{(item.IsGap ? "  GAP: no delivering work" : string.Empty)}\n");
        if (item.BacklogItems.Count > 0) writer.Write($"{indent}  Backlog: {string.Join(", ", item.BacklogItems.Select(i => i.Id + Status(i.Status)))}\n");
        if (item.Projects.Count > 0) writer.Write($"{indent}  Projects: {string.Join(", ", item.Projects.Select(i => i.Id + Status(i.Status)))}\n");
    }

    private static string Title(string? title) => string.IsNullOrWhiteSpace(title) ? string.Empty : $" ({OneLine(title)})";

    private static string Status(string? status) => status is null ? string.Empty : $" [{char.ToLowerInvariant(status[0])}{status[1..]}]";

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 80 ? line[..77] + "..." : line;
    }
}
