#!/usr/bin/env bash
# Start-up benchmark (benchmarks/README.md, "Start-up"): process start to exit of `govern check` on a one-file
# portfolio, for the plain Release build and for the tool as `dotnet tool install` puts it (ReadyToRun on linux-x64).
#
#   benchmarks/startup.sh                 # build, pack and install into a temporary folder, then measure both
#   benchmarks/startup.sh PATH/TO/govern  # measure these executables only (any number), nothing is built
#
# Uses hyperfine when present (apt-get install -y hyperfine), else /usr/bin/time in a loop. RUNS (default 20) sets the
# number of timed runs. Prints the load average before and after: on this shared 2-core machine wall times follow it,
# user+sys CPU time much less. GOVERN_STARTUP_TRACE=1 on a single run prints where the time goes.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/portfolio"
cp "$root/samples/portfolio/products/ride-app/roadmap.yaml" "$work/portfolio/"

if [[ $# -gt 0 ]]; then
  executables=()
  for exe in "$@"; do executables+=("$(realpath -s "$exe")"); done
else
  version="0.0.0-startup.$(date +%s)"
  dotnet build "$root/src/Governance.Rules.Cli" -c Release -v quiet -nologo >/dev/null
  dotnet pack "$root/src/Governance.Rules.Cli" -c Release -o "$work/feed" "-p:Version=$version" -v quiet -nologo >/dev/null
  dotnet tool install Governance.Rules.Cli --tool-path "$work/tool" --add-source "$work/feed" --version "$version" >/dev/null
  executables=("$root/src/Governance.Rules.Cli/bin/Release/net10.0/govern" "$work/tool/govern")
fi

cd "$work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v hyperfine >/dev/null; then
  commands=()
  for exe in "${executables[@]}"; do commands+=("$exe check portfolio --as-of 2026-11-01"); done
  # Exit code 1 (findings) is expected.
  hyperfine -N --warmup 3 --runs "$runs" --ignore-failure "${commands[@]}"
else
  for exe in "${executables[@]}"; do
    echo "$exe"
    for _ in $(seq 1 "$runs"); do
      /usr/bin/time -f "  %e s wall, %U s user, %S s sys" "$exe" check portfolio --as-of 2026-11-01 >/dev/null || true
    done
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
