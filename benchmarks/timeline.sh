#!/usr/bin/env bash
# When the cores are busy during a run of `measure` (benchmarks/README.md, "Where a run waits"): samples every thread
# with Linux perf once the warm-up runs are done, then prints, per time slice, how many cores were busy, what the
# samples were doing (loading, index, rules, portfolio rules, SARIF, ...) and what the main thread was doing. It shows
# where a run leaves a core idle (one busy core is a serial stretch), which a CPU profile cannot.
#
#   benchmarks/timeline.sh                 # 1,000 JSON projects, 3 timed runs after 3 warm-up runs, 20 ms slices
#   benchmarks/timeline.sh 1000 yaml 2 1   # projects, format, runs, warm-up runs
#   SLICE_MS=5 benchmarks/timeline.sh      # finer slices (fewer samples in each)
#
# Needs perf (linux-tools; kernel.perf_event_paranoid <= 2 profiles your own processes) and python3. Builds the
# benchmarks in Release first. KEEP=DIR keeps perf.data and the script output in DIR. perf itself takes some CPU on a
# 2-core machine, so runs under it are slower than without; read the shape, not the times.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/perf-measure.sh"
projects="${1:-1000}"
format="${2:-json}"
repeat="${3:-3}"
warmup="${4:-3}"
slice="${SLICE_MS:-20}"
[[ "$warmup" -gt 0 ]] || { echo "timeline.sh: give at least one warm-up run (perf attaches after the last one)" >&2; exit 2; }

perf_work_dir
perf_measure "$projects" "$format" "$repeat" "$warmup" 999 "$work"
grep -E '^run ' "$work/measure.txt" | cut -c1-160
perf script -i "$work/perf.data" -F tid,time,ip,sym 2>/dev/null >"$work/perf.txt"

python3 - "$work/perf.txt" "$slice" "$measured_pid" <<'PY'
import collections, re, sys

# A sample belongs to the first activity whose pattern one of its frames matches (a rule reading the index is the rule).
activities = [
    ("raw", r"Workload::(JsonDocumentParse|YamlEventScan|RawParse)"),
    ("load", r"ArtifactReader|ArtifactLoader|JsonDocumentParser|YamlDocumentParser|YamlBlockScanner"),
    ("rules", r"ArtifactActionRunner"),
    ("portfolio", r"PortfolioRuleContext|RunPortfolioRule"),
    ("index", r"PortfolioIndex|LinkExtractor|FindDuplicates|BacklogItemFact|PortfolioFacts"),
    ("sarif", r"Sarif"),
    ("engine", r"GovernanceEngine|SuppressionProcessor"),
    ("bench", r"Governance\.Rules\.Benchmarks"),
]
path, slice_ms, main = sys.argv[1], float(sys.argv[2]), sys.argv[3]
samples = []
for block in open(path).read().split("\n\n"):
    lines = [line for line in block.strip().split("\n") if line.strip()]
    if not lines:
        continue
    head = lines[0].split()
    frames = "\n".join(lines[1:])
    activity = next((name for name, pattern in activities if re.search(pattern, frames)), "other")
    samples.append((float(head[1].rstrip(":")), head[0], activity))
if not samples:
    sys.exit("no samples: is perf allowed to profile this process?")
samples.sort()
start, hz, width = samples[0][0], 999.0, slice_ms / 1000.0
slices = collections.defaultdict(collections.Counter)
on_main = collections.defaultdict(collections.Counter)
for time, tid, activity in samples:
    index = int((time - start) / width)
    slices[index][activity] += 1
    if tid == main:
        on_main[index][activity] += 1

print(f"\nEach line is {slice_ms:g} ms: cores busy (samples / (999 Hz x slice)), the main thread's share of a core and its")
print("main activity, then every thread's samples by activity. 'raw' lines are the raw parser's runs; 'other' between")
print("runs is mostly measure's forced collections (not timed).\n")
for index in range(min(slices), max(slices) + 1):
    counts = slices.get(index, collections.Counter())
    total = sum(counts.values())
    cores = total / (hz * width)
    if counts["raw"] > total / 2:
        print(f"{index * width:7.3f} s  {cores:4.2f} cores  raw parser")
        continue
    main_counts = on_main.get(index, collections.Counter())
    main_activity = main_counts.most_common(1)[0][0] if main_counts else "-"
    main_share = sum(main_counts.values()) / (hz * width)
    detail = " ".join(f"{name} {count}" for name, count in counts.most_common())
    print(f"{index * width:7.3f} s  {cores:4.2f} cores  main {main_activity:9s} {main_share:4.2f}  | {detail}")
PY
