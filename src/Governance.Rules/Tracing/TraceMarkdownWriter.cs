namespace Governance.Rules.Tracing;

/// <summary>Writes the traceability view as Markdown (nested lists, gaps in bold), for a pull request or a wiki page.</summary>
internal static class TraceMarkdownWriter
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="writer"/>.</summary>
    public static void Write(TraceModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"# Traceability\n\n{model.Products.Count} product(s), {model.GapCount} gap(s).\n");
        foreach (var product in model.Products)
        {
            writer.Write($"\n## {Escape(product.ProductId)}{Title(product.Title)}\n\n");
            foreach (var objective in product.Objectives)
            {
                writer.Write($"- Objective `{Escape(objective.Id)}`{Title(objective.Statement)}{(objective.IsGap ? " — **gap: no roadmap item serves it**" : string.Empty)}\n");
                foreach (var item in objective.RoadmapItems) WriteItem(item, "  ", writer);
            }

            if (product.UnlinkedRoadmapItems.Count > 0)
            {
                writer.Write("- Roadmap items linked to no objective\n");
                foreach (var item in product.UnlinkedRoadmapItems) WriteItem(item, "  ", writer);
            }

            if (product.OrphanBacklogItems.Count > 0)
                writer.Write($"- **Gap: backlog items tracing to no roadmap item:** {string.Join(", ", product.OrphanBacklogItems.Select(i => $"`{Escape(i.Id)}`"))}\n");
        }
    }

    private static void WriteItem(RoadmapItemTrace item, string indent, TextWriter writer)
    {
        writer.Write($"{indent}- Roadmap item `{Escape(item.Id)}`{Title(item.Title)}{Status(item.Status)}{(item.IsGap ? " — **gap: no delivering work**" : string.Empty)}\n");
        if (item.BacklogItems.Count > 0) writer.Write($"{indent}  - Backlog: {string.Join(", ", item.BacklogItems.Select(i => $"`{Escape(i.Id)}`{Status(i.Status)}"))}\n");
        if (item.Projects.Count > 0) writer.Write($"{indent}  - Projects: {string.Join(", ", item.Projects.Select(i => $"`{Escape(i.Id)}`{Status(i.Status)}"))}\n");
    }

    private static string Title(string? title) => string.IsNullOrWhiteSpace(title) ? string.Empty : $" {Escape(title.ReplaceLineEndings(" ").Trim())}";

    private static string Status(string? status) => status is null ? string.Empty : $" _{char.ToLowerInvariant(status[0])}{status[1..]}_";

    /// <summary>Escapes Markdown and HTML specials so artifact text renders as text.</summary>
    private static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '<') builder.Append("&lt;");
            else if (c is '>') builder.Append("&gt;");
            else if (c is '&') builder.Append("&amp;");
            else if ("\\`*_{}[]()#+-.!|".Contains(c, StringComparison.Ordinal)) builder.Append('\\').Append(c);
            else builder.Append(c);
        }

        return builder.ToString();
    }
}
