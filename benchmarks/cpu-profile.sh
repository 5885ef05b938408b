#!/usr/bin/env bash
# CPU profile of `measure` (benchmarks/README.md, "Where the CPU goes"): samples every thread's CPU with Linux perf
# while the measured runs and the raw parser run (perf attaches once the portfolio is generated), then prints where
# the CPU went, in units of the raw parser's own CPU in the same process: by stage, by code (managed, runtime, kernel,
# JIT) and the hottest functions. Those units hold across processes on a shared machine; wall time does not.
#
#   benchmarks/cpu-profile.sh                      # 1,000 JSON projects, 9 runs
#   benchmarks/cpu-profile.sh 1000 yaml 5          # projects, format, runs
#   benchmarks/cpu-profile.sh 1000 json 9 3        # steady state: perf attaches after 3 warm-up runs (measure --warmup 3)
#
# Needs perf (linux-tools; kernel.perf_event_paranoid <= 2 profiles your own processes) and python3. Builds the
# benchmarks in Release first. KEEP=DIR keeps perf.data and the script output in DIR.
#
# perf often cannot walk the stack out of the runtime's native code (the GC, the JIT), so that CPU is "unattributed",
# whoever caused it. For JSON the unit is sound (JsonDocument.Parse allocates nothing, so the unattributed CPU is ours).
# For YAML the raw scan's own collections (YamlDotNet allocates ~24 bytes per input byte) are unattributed too: the
# unit is undercounted, so YAML's figures overstate ours.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/perf-measure.sh"
projects="${1:-1000}"
format="${2:-json}"
repeat="${3:-9}"
warmup="${4:-0}"

# perf attaches once the portfolio is generated, or once our warm-up runs are done (the raw parser's come later and
# are sampled: the unit below is scaled to its timed runs).
perf_work_dir
perf_measure "$projects" "$format" "$repeat" "$warmup" 1999 "$work"
grep -E '^(End to end|Raw|Ratio|CPU time|Allocated|Peak)' "$work/measure.txt"
perf script -i "$work/perf.data" -F tid,ip,sym,dso 2>/dev/null >"$work/perf.txt"

python3 - "$work/perf.txt" "$repeat" "$warmup" <<'PY'
import collections, re, sys

# A sample belongs to the first stage whose pattern one of its frames matches (outermost stages last).
stages = [
    ("raw parser (the unit)", r"Workload::JsonDocumentParse|Workload::YamlEventScan|Workload::RawParse"),
    ("locating findings", r"ArtifactEntry::Locate|GovernanceEngine::CreateFinding"),
    ("loading: backlog items", r"ArtifactReader::ReadBacklogItem\("),
    ("loading: other records", r"ArtifactReader::|JsonDocumentParser::|YamlDocumentParser|YamlBlockScanner"),
    ("loading: files", r"ArtifactLoader"),
    ("index: items and facts", r"PortfolioIndex::AddItems|BacklogItemFact|PortfolioFacts"),
    ("index: links", r"LinkExtractor|PortfolioIndex::<Complete>|PortfolioIndex::Resolve"),
    ("index: other", r"PortfolioIndex::"),
    ("rules on each artifact", r"ArtifactActionRunner"),
    ("portfolio rules", r"PortfolioRuleContext"),
    ("suppressions", r"SuppressionProcessor"),
    ("SARIF report", r"Sarif"),
    ("engine, other", r"GovernanceEngine"),
]
by_stage, by_code, by_function = collections.Counter(), collections.Counter(), collections.Counter()
for block in open(sys.argv[1]).read().split("\n\n"):
    frames = [line.strip() for line in block.strip().split("\n")[1:] if line.strip()]
    if not frames:
        continue
    joined = "\n".join(frames)
    stage = next((name for name, pattern in stages if re.search(pattern, joined)), "unattributed (GC, JIT and other runtime native code)")
    by_stage[stage] += 1
    if stage.startswith("raw parser"):
        continue
    leaf = frames[0]
    dso = re.search(r"\(([^()]*)\)\s*$", leaf)
    dso = dso.group(1).rsplit("/", 1)[-1] if dso else "?"
    by_code["managed code" if dso.startswith("perf-") else dso] += 1
    by_function[re.sub(r"\s*\([^()]*\)\s*$", "", re.sub(r"^[0-9a-f]+\s+", "", leaf))[:120]] += 1

# The raw parser's warm-up runs were sampled too (ours were not): its CPU per timed run is the unit.
repeat, warmup = int(sys.argv[2]), int(sys.argv[3])
unit = (by_stage["raw parser (the unit)"] * repeat / (repeat + warmup)) or 1
ours = sum(by_stage.values()) - by_stage["raw parser (the unit)"]
print(f"\nCPU in units of the raw parser's CPU (samples: raw parser {unit:.0f} over its {repeat} timed runs, ours {ours}); ours in all: {ours / unit:.2f}")
print("\nBy stage:")
for name, count in by_stage.most_common():
    if not name.startswith("raw parser"):
        print(f"  {count / unit:6.2f}  {name}")
print("\nBy code:")
for name, count in by_code.most_common(6):
    print(f"  {count / unit:6.2f}  {name}")
print("\nHottest functions (self):")
for name, count in by_function.most_common(15):
    print(f"  {count / unit:6.3f}  {name}")
PY
