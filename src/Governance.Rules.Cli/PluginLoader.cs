using System.Reflection;
using System.Runtime.Loader;

namespace Governance.Rules.Cli;

/// <summary>
/// Loads rule plugins given with <c>--plugin</c>, each in its own load context so its dependencies stay its own, while
/// Governance.Rules and the framework are shared with the host (a plugin's rules must derive from the host's
/// <see cref="Engine.GovernanceRule"/>). Plugins load only when explicitly given.
/// </summary>
internal static class PluginLoader
{
    public static Assembly Load(string path)
    {
        var context = new PluginLoadContext(path);
        return context.LoadFromAssemblyPath(path);
    }

    private sealed class PluginLoadContext(string pluginPath) : AssemblyLoadContext($"govern-plugin:{Path.GetFileName(pluginPath)}", isCollectible: false)
    {
        private readonly AssemblyDependencyResolver resolver = new(pluginPath);

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Share what the host already has (Governance.Rules, its dependencies, the framework).
            if (Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), assemblyName)) is { } shared) return shared;
            if (assemblyName.Name is "Governance.Rules") return typeof(Engine.GovernanceRule).Assembly;
            return resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }
}
