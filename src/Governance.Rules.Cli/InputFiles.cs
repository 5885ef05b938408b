using Governance.Rules.Reporting;

namespace Governance.Rules.Cli;

/// <summary>Files named by an option (<c>--template</c>, the reports of <c>govern diff</c>), read with a clear error.</summary>
internal static class InputFiles
{
    /// <summary>
    /// The text of <paramref name="file"/>, or <see langword="null"/> after printing, prefixed with
    /// <paramref name="command"/>, that the <paramref name="what"/> file is not found or cannot be read (exit 2).
    /// </summary>
    public static string? ReadText(string file, string what, string command, CliEnvironment environment)
    {
        try
        {
            return File.ReadAllText(environment.FullPath(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine(ex is FileNotFoundException or DirectoryNotFoundException
                ? $"{command}: {what} file not found: {file}"
                : $"{command}: cannot read {what} {file}: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Reads the <c>--template</c> file <paramref name="templateFile"/> and compiles it with <paramref name="compile"/>
    /// (given the source and the file's display path). Prints the reason, prefixed with <paramref name="command"/>, and
    /// returns <see langword="null"/> when the file cannot be read or the template does not compile (exit 2).
    /// </summary>
    public static TTemplate? LoadTemplate<TTemplate>(string templateFile, string command, CliEnvironment environment, Func<string, string, TTemplate> compile)
        where TTemplate : class
    {
        if (ReadText(templateFile, "template", command, environment) is not { } source) return null;
        try
        {
            return compile(source, environment.DisplayPath(environment.FullPath(templateFile)));
        }
        catch (ReportTemplateException ex)
        {
            environment.Error.WriteLine($"{command}: template {ex.Message}");
            return null;
        }
    }
}
