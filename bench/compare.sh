#!/usr/bin/env bash
# Times fora against what an organiser would otherwise run, on generated weeks of 100,000 and
# 1,000,000 fora and on the real 2020 week, and says for each performance target whether it
# is met. Exits with 0 when every target passes, else with 1.
#
#   bash bench/compare.sh
#
# Beside the clean weeks it times two with error findings, on which fora exits with 1: a
# draft of the 100k week in which 5 % of the fora overlap another in their room (thousands of
# findings), and a pile-up, 20,000 fora in one room on one day, all at 09:00 (hundreds of
# millions of overlapping pairs, counted, not listed).
#
# The tools take turns (fora check, jq, fora ics, python, then again), and every figure is
# the median of several runs: RUNS_100K (5), RUNS_1M (5) and RUNS_SMALL (50) set how many;
# the draft has RUNS_100K runs too, but python on it only RUNS_PYTHON_DRAFT (2): a python run
# on 100k fora takes 30–45 seconds and its warm-up as long again, so that keeps the whole run
# well under 15 minutes (8–13, with the build done). The pile-up has RUNS_PILE_UP (5).
# Each measured run follows an unmeasured run of the same command (hyperfine's --warmup):
# see "Warm runs" in BENCHMARKS.md for why this machine needs it.
# Needs cargo and python3; installs jq, GNU time and python's icalendar when they are missing.
# Inputs and outputs go to target/bench/, which git ignores.
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME and printf, whatever the locale
cd "$(dirname "$0")/.."

RUNS_100K=${RUNS_100K:-5}
RUNS_1M=${RUNS_1M:-5}
RUNS_SMALL=${RUNS_SMALL:-50}
RUNS_PYTHON_DRAFT=${RUNS_PYTHON_DRAFT:-2}
RUNS_PILE_UP=${RUNS_PILE_UP:-5}
OUT=target/bench
SMALL=schedules/engagementkongress-2020.json
W100K=$OUT/week-100k.json
W1M=$OUT/week-1m.json
DRAFT=$OUT/draft-100k.json
PILE_UP=$OUT/pile-up-20k.json
FORA=target/release/fora
GENERATE=target/release/examples/generate

say() { echo "$*" >&2; }
started=$(date -u '+%Y-%m-%d %H:%M UTC')

# --- What it needs ----------------------------------------------------------------------

sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  say "installing $* with apt-get"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
command -v python3 >/dev/null || apt_install python3 python3-pip
command -v jq >/dev/null || apt_install jq
[ -x /usr/bin/time ] || apt_install time
if ! python3 -c 'import icalendar' 2>/dev/null; then
  say "installing python's icalendar with pip"
  python3 -m pip install --quiet icalendar || apt_install python3-icalendar
fi
if ! python3 -c 'import zoneinfo; zoneinfo.ZoneInfo("Europe/Berlin")' 2>/dev/null; then
  python3 -m pip install --quiet tzdata || apt_install tzdata
fi

say "building fora and the generator (release)"
cargo build --release --quiet --bin fora --example generate

mkdir -p "$OUT"
rm -rf "$OUT/times"
mkdir "$OUT/times"
say "generating $W100K, $W1M, $DRAFT and $PILE_UP"
# The same weeks as `cargo bench` (benches/fora.rs): about 14 fora a room and day.
"$GENERATE" --fora 100000 --rooms 20 --days 365 --speakers 2000 --seed 1 -o "$W100K"
"$GENERATE" --fora 1000000 --rooms 200 --days 365 --speakers 20000 --seed 1 -o "$W1M"
# The draft: the 100k week's size and shape, with conflicts.
"$GENERATE" --fora 100000 --rooms 20 --days 365 --speakers 2000 --seed 1 --conflicts 0.05 -o "$DRAFT"
"$GENERATE" --fora 20000 --rooms 1 --days 1 --pile-up -o "$PILE_UP"
for week in "$SMALL" "$W100K" "$W1M"; do
  if ! "$FORA" check "$week" >/dev/null 2>"$OUT/log"; then
    say "error: fora check $week finds errors or fails; a clean week is needed to compare:"
    cat "$OUT/log" >&2
    exit 1
  fi
done
# found WEEK: the findings of WEEK by kind ("2500 room-overlap, …"), or the script stops when
# fora check does not exit with 1 (error findings, read to the end).
found() {
  local code=0
  "$FORA" check "$1" --format json --max-findings 0 >"$OUT/found.json" 2>"$OUT/log" || code=$?
  if [ "$code" != 1 ]; then
    say "error: fora check $1 exits with $code; a week with error findings (exit 1) is needed:"
    cat "$OUT/log" >&2
    exit 1
  fi
  jq -r '.summary.finding_counts | to_entries | map(select(.value > 0) | "\(.value) \(.key)") | join(", ")' \
    "$OUT/found.json"
}
draft_found=$(found "$DRAFT")
pile_up_found=$(found "$PILE_UP")

# --- Timing -----------------------------------------------------------------------------

# measure [--findings] NAME COMMAND…: runs COMMAND twice, standard output to /dev/null, and
# adds a line "seconds peak-KB" of the second run to $OUT/times/NAME. Wall time from bash's
# clock (no process of its own), peak memory (maximum resident set) from GNU time. The first
# run warms up: the input is read from the page cache, and the memory the command needs is
# memory the virtual machine's host has just handed out, not memory it must first find again.
# With --findings, exit code 1 (error findings, the output still written) is success; 2 (the
# input could not be read) and a crash still stop the script.
measure() {
  local allowed=0
  if [ "$1" = --findings ]; then
    allowed=1
    shift
  fi
  local name=$1 start end code=0
  shift
  sync # the previous run's output is on the disk before this one starts
  "$@" >/dev/null 2>&1 || true # a failure is reported by the measured run
  start=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$OUT/rss" "$@" >/dev/null 2>"$OUT/log" || code=$?
  end=$EPOCHREALTIME
  if [ "$code" != 0 ] && [ "$code" != "$allowed" ]; then
    say "error: $* failed (exit code $code):"
    cat "$OUT/log" >&2
    exit 1
  fi
  echo "$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }') $(tail -n 1 "$OUT/rss")" \
    >>"$OUT/times/$name"
}

# time_only NAME COMMAND…: the same without GNU time around it, for runs of a millisecond,
# where starting one more process would be most of what is measured.
time_only() {
  local name=$1 start end
  shift
  start=$EPOCHREALTIME
  "$@" >/dev/null
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f 0\n", b - a }' >>"$OUT/times/$name"
}

# fora_ics WEEK OUT: the calendar written to a file the way the Python script writes it,
# by plain writes. (`fora ics -o OUT` also flushes the file to the disk before it replaces
# OUT in one step; that costs what the disk costs, and is measured on its own below.)
fora_ics() { exec "$FORA" ics "$1" >"$2"; }
export -f fora_ics
export FORA

# The millisecond runs first, before gigabytes of output are written back to the disk.
sync
say "the 2020 week, $RUNS_SMALL runs: fora check, and a process that does nothing"
for _ in 1 2 3; do "$FORA" check "$SMALL" >/dev/null; done # warm the page cache
for _ in $(seq "$RUNS_SMALL"); do
  time_only check-small "$FORA" check "$SMALL"
  time_only true-small /bin/true
done
measure rss-small "$FORA" check "$SMALL"

sync
say "the pile-up, $RUNS_PILE_UP runs: fora check, fora ics"
for _ in $(seq "$RUNS_PILE_UP"); do
  measure --findings check-pile-up "$FORA" check "$PILE_UP"
  measure --findings ics-pile-up bash -c 'fora_ics "$0" "$1"' "$PILE_UP" "$OUT/fora-pile-up.ics"
done

sync
for run in $(seq "$RUNS_100K"); do
  say "100,000 fora, run $run of $RUNS_100K: fora check, jq length, fora ics, python ics.py"
  measure check-100k "$FORA" check "$W100K"
  measure jq-100k jq length "$W100K"
  measure ics-100k bash -c 'fora_ics "$0" "$1"' "$W100K" "$OUT/fora-100k.ics"
  measure python-100k python3 bench/ics.py "$W100K" "$OUT/python-100k.ics"
  measure ics-o-100k "$FORA" ics "$W100K" -o "$OUT/fora-o-100k.ics"
done
for run in $(seq "$RUNS_100K"); do
  python=""
  [ "$run" -le "$RUNS_PYTHON_DRAFT" ] && python=", python ics.py"
  say "the 100,000-fora draft, run $run of $RUNS_100K: fora check, jq length, fora ics$python"
  measure --findings check-draft "$FORA" check "$DRAFT"
  measure jq-draft jq length "$DRAFT"
  measure --findings ics-draft bash -c 'fora_ics "$0" "$1"' "$DRAFT" "$OUT/fora-draft.ics"
  if [ -n "$python" ]; then
    measure python-draft python3 bench/ics.py "$DRAFT" "$OUT/python-draft.ics"
  fi
done
for run in $(seq "$RUNS_1M"); do
  say "1,000,000 fora, run $run of $RUNS_1M: fora check, fora ics (python would take minutes a run)"
  measure check-1m "$FORA" check "$W1M"
  measure ics-1m bash -c 'fora_ics "$0" "$1"' "$W1M" "$OUT/fora-1m.ics"
done

# --- Figures ----------------------------------------------------------------------------

median() { # the median of column $2 of file $1
  awk -v c="$2" '{ print $c }' "$OUT/times/$1" | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
seconds() { median "$1" 1; }
peak_mb() { # the highest peak of the runs, in MB (10^6 bytes)
  awk '$2 > m { m = $2 } END { printf "%.1f", m * 1024 / 1e6 }' "$OUT/times/$1"
}
runs() { wc -l <"$OUT/times/$1" | tr -d ' '; }
size_mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.3f", b / 1e6 }'; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
events() { grep -c '^BEGIN:VEVENT' "$1"; }

echo "fora against the tools an organiser would otherwise run"
echo "started $started, $(nproc) cores, fora $("$FORA" --version | awk '{ print $2 }')," \
  "jq $(jq --version | sed 's/^jq-//'), python $(python3 -c 'import platform; print(platform.python_version())')," \
  "icalendar $(python3 -c 'import icalendar; print(icalendar.__version__)')"
echo
printf '%-30s %9s %10s\n' "input" "fora" "MB"
printf '%-30s %9s %10s\n' "$(basename "$SMALL")" "$(jq '.fora | length' "$SMALL")" "$(size_mb "$SMALL")"
printf '%-30s %9s %10s\n' "$(basename "$W100K")" 100000 "$(size_mb "$W100K")"
printf '%-30s %9s %10s\n' "$(basename "$W1M")" 1000000 "$(size_mb "$W1M")"
printf '%-30s %9s %10s\n' "$(basename "$DRAFT")" 100000 "$(size_mb "$DRAFT")"
printf '%-30s %9s %10s\n' "$(basename "$PILE_UP")" 20000 "$(size_mb "$PILE_UP")"
echo
echo "findings in the draft: $draft_found"
echo "findings in the pile-up: $pile_up_found"
echo
printf '%-30s %5s %10s %10s %10s\n' "what (median of the runs)" "runs" "seconds" "peak MB" "MB/input"
row() { # label, name, input file
  local per_input=""
  [ -n "${3:-}" ] && per_input=$(calc "$(peak_mb "$2") / $(size_mb "$3")")
  printf '%-30s %5s %10.4f %10s %10s\n' "$1" "$(runs "$2")" "$(seconds "$2")" "$(peak_mb "$2")" "$per_input"
}
row "fora check, 100k" check-100k "$W100K"
row "jq length, 100k" jq-100k "$W100K"
row "fora ics, 100k" ics-100k "$W100K"
row "python ics.py, 100k" python-100k "$W100K"
row "fora ics -o (fsync), 100k" ics-o-100k "$W100K"
row "fora check, draft" check-draft "$DRAFT"
row "jq length, draft" jq-draft "$DRAFT"
row "fora ics, draft" ics-draft "$DRAFT"
row "python ics.py, draft" python-draft "$DRAFT"
row "fora check, pile-up" check-pile-up "$PILE_UP"
row "fora ics, pile-up" ics-pile-up "$PILE_UP"
row "fora check, 1M" check-1m "$W1M"
row "fora ics, 1M" ics-1m "$W1M"
printf '%-30s %5s %10.4f %10s\n' "fora check, 2020 week" "$(runs check-small)" "$(seconds check-small)" "$(peak_mb rss-small)"
printf '%-30s %5s %10.4f\n' "/bin/true (starting a process)" "$(runs true-small)" "$(seconds true-small)"
echo
echo "events written at 100k: fora $(events "$OUT/fora-100k.ics"), python $(events "$OUT/python-100k.ics")"
echo "events written in the draft: fora $(events "$OUT/fora-draft.ics"), python $(events "$OUT/python-draft.ics")"
echo

check_vs_jq=$(calc "$(seconds check-100k) / $(seconds jq-100k)")
python_vs_ics=$(calc "$(seconds python-100k) / $(seconds ics-100k)" 1)
check_growth=$(calc "$(seconds check-1m) / $(seconds check-100k)" 1)
ics_growth=$(calc "$(seconds ics-1m) / $(seconds ics-100k)" 1)
check_memory=$(calc "$(peak_mb check-1m) / $(size_mb "$W1M")")
ics_memory=$(calc "$(peak_mb ics-1m) / $(size_mb "$W1M")")
small_ms=$(calc "$(seconds check-small) * 1000")
draft_check_vs_jq=$(calc "$(seconds check-draft) / $(seconds jq-draft)")
draft_python_vs_ics=$(calc "$(seconds python-draft) / $(seconds ics-draft)" 1)
pile_up_seconds=$(calc "$(seconds check-pile-up)" 3)
pile_up_mb=$(peak_mb check-pile-up)

passed=0
failed=0
target() { # number, condition for awk, sentence
  if awk "BEGIN { exit !($2) }"; then
    printf 'PASS %-3s %s\n' "$1" "$3"
    passed=$((passed + 1))
  else
    printf 'FAIL %-3s %s\n' "$1" "$3"
    failed=$((failed + 1))
  fi
}
echo "targets"
target 1 "$check_vs_jq <= 0.25" \
  "fora check on 100k fora takes $check_vs_jq of jq length's time (at most 0.25)"
target 2 "$python_vs_ics >= 100" \
  "fora ics on 100k fora is $python_vs_ics times as fast as python icalendar (at least 100)"
target 3a "$check_growth <= 12" \
  "fora check: 1M fora take $check_growth times as long as 100k (at most 12)"
target 3b "$ics_growth <= 12" \
  "fora ics: 1M fora take $ics_growth times as long as 100k (at most 12)"
target 3c "$check_memory < 3" \
  "fora check on 1M fora peaks at $check_memory times the file's size (under 3)"
target 3d "$ics_memory < 3" \
  "fora ics on 1M fora peaks at $ics_memory times the file's size (under 3)"
target 4 "$small_ms < 5" \
  "fora check on the 2020 week takes $small_ms ms (under 5)"
target 5a "$draft_check_vs_jq <= 0.25" \
  "fora check on the 100k draft takes $draft_check_vs_jq of jq length's time on it (at most 0.25)"
target 5b "$draft_python_vs_ics >= 100" \
  "fora ics on the 100k draft is $draft_python_vs_ics times as fast as python icalendar on it (at least 100)"
target 6a "$pile_up_seconds < 1" \
  "fora check on the pile-up takes $pile_up_seconds s (under 1)"
target 6b "$pile_up_mb < 100" \
  "fora check on the pile-up peaks at $pile_up_mb MB (under 100)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
