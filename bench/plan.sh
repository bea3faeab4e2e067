#!/usr/bin/env bash
# fora plan against ConferenceScheduler (PyPI conference-scheduler, its ILP through PuLP and
# CBC, and its heuristics) on the same instances; see BENCHMARKS.md, "Planning".
#
#   bash bench/plan.sh            # every size: about 6-10 minutes, most of it the peer's
#   bash bench/plan.sh --quick    # 30/84 and 80/112, short limits: about 30 s, a smoke run
#   FORA=path/to/fora bash bench/plan.sh   # that binary, without building
#
# Exits with 0 when every target passes, else 1 (2 when something could not be set up).
# Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/plan-bench
venv=$out/venv
mkdir -p "$out"
if [[ ! -x $venv/bin/python ]]; then
  python3 -m venv "$venv"
fi
# pip only fetches what is missing; PuLP's wheel brings CBC's binary with it.
"$venv/bin/pip" install --quiet --disable-pip-version-check conference-scheduler pulp \
  || { echo "bench/plan.sh: could not install conference-scheduler and pulp" >&2; exit 2; }

if [[ -z ${FORA:-} ]]; then
  cargo build --release --quiet
  FORA=target/release/fora
fi
exec "$venv/bin/python" bench/plan/run.py --fora "$FORA" --out "$out" "$@"
