using Governance.Rules.Reporting;

namespace Governance.Rules.Cli;

/// <summary>Reads and compiles the <c>--template</c> file of <c>govern check</c> and <c>govern trace</c>.</summary>
internal static class TemplateFile
{
    /// <summary>
    /// Reads <paramref name="templateFile"/> and compiles it with <paramref name="compile"/> (given the source and the
    /// file's display path). Prints the reason, prefixed with <paramref name="command"/>, and returns
    /// <see langword="null"/> when the file cannot be read or the template does not compile (exit 2).
    /// </summary>
    public static TTemplate? Load<TTemplate>(string command, string templateFile, CliEnvironment environment, Func<string, string, TTemplate> compile)
        where TTemplate : class
    {
        var path = environment.FullPath(templateFile);
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            environment.Error.WriteLine(ex is FileNotFoundException or DirectoryNotFoundException
                ? $"{command}: template file not found: {templateFile}"
                : $"{command}: cannot read template {templateFile}: {ex.Message}");
            return null;
        }

        try
        {
            return compile(source, environment.DisplayPath(path));
        }
        catch (ReportTemplateException ex)
        {
            environment.Error.WriteLine($"{command}: template {ex.Message}");
            return null;
        }
    }
}
