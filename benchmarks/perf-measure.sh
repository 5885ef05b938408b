# Sourced by cpu-profile.sh and timeline.sh: runs `measure` under Linux perf.
#
# perf_work_dir, below, gives the folder the results go to.
#
# perf_measure PROJECTS FORMAT REPEAT WARMUP HZ WORK builds the benchmarks in Release and runs
# `measure --projects PROJECTS --format FORMAT --repeat REPEAT --warmup WARMUP` into WORK/measure.txt. perf samples
# every thread of it (HZ a second, with call stacks) into WORK/perf.data from the moment the portfolio is generated,
# or, with WARMUP > 0, once the warm-up runs are done (the raw parser's warm-up runs come later and are sampled).
# Prints the load average before and after; exits with measure's output if it fails before perf attaches.

# perf_work_dir sets WORK to $KEEP (kept, created if need be) or to a temporary folder removed when the script exits.
perf_work_dir() {
  work="${KEEP:-$(mktemp -d)}"
  mkdir -p "$work"
  [[ -n "${KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT
}

perf_measure() {
  local projects="$1" format="$2" repeat="$3" warmup="$4" hz="$5" work="$6"
  local root dll pid recorder started
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  dotnet build "$root/benchmarks/Governance.Rules.Benchmarks" -c Release -v quiet -nologo >/dev/null
  dll="$root/benchmarks/Governance.Rules.Benchmarks/bin/Release/net10.0/Governance.Rules.Benchmarks.dll"

  # The perf map names JIT-compiled code; without W^X the code is not in a double-mapped memfd perf cannot attribute.
  export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  dotnet "$dll" measure --projects "$projects" --format "$format" --repeat "$repeat" --warmup "$warmup" >"$work/measure.txt" 2>&1 &
  pid=$!
  started='^Generated'
  [[ "$warmup" -gt 0 ]] && started="^warm-up $warmup:"
  until grep -q "$started" "$work/measure.txt" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/measure.txt"; exit 1; }
    sleep 0.1
  done
  perf record -F "$hz" -e cpu-clock -g -p "$pid" -o "$work/perf.data" >/dev/null 2>&1 &
  recorder=$!
  wait "$pid"
  kill -INT "$recorder" 2>/dev/null || true
  wait "$recorder" || true
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  measured_pid="$pid"
}
