#!/usr/bin/env python3
"""`fora plan` against ConferenceScheduler on the same instances; bench/plan.sh runs this.

    run.py --fora target/release/fora [--out target/plan-bench] [--seed 1] [--quick]

Prints a table (instance, tool and variant, seconds, placed, problems, overflow, moved) and
one PASS/FAIL line a target; exits with 0 when every target passes, else 1.
"""

import argparse
import datetime
import json
import os
import resource
import signal
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import plan_instances  # noqa: E402
import verify  # noqa: E402

PEER_MEMORY = 8 << 30  # bytes of address space for a peer run: past it, it did not finish

# What runs at each size: (variant, seconds allowed, iterations of a heuristic), full/quick.
FULL = {
    "30-84": [("ilp", 600, 0), ("ilp-capacity", 600, 0), ("ilp-fit", 600, 0),
              ("hill-climber", 600, 300), ("annealing", 600, 300)],
    "80-112": [("ilp", 600, 0), ("ilp-capacity", 600, 0), ("ilp-fit", 600, 0),
               ("hill-climber", 600, 100)],
    "150-175": [("ilp", 600, 0), ("ilp-capacity", 600, 0)],
    "1500-1600": [("ilp", 120, 0)],
}
QUICK = {
    "30-84": [("ilp", 120, 0), ("ilp-capacity", 120, 0), ("ilp-fit", 120, 0),
              ("hill-climber", 120, 20)],
    "80-112": [("ilp", 120, 0)],
}
REPLAN = {"full": ["30-84", "80-112"], "quick": ["30-84"]}
FORA_LIMIT = 300  # seconds: a fora run past it is a failure, not a wait


def peer(instance_path, variant, out, seconds, iterations=0, seed=1, extra=()):
    """One peer run in a process group of its own, ended at its time limit."""
    command = [sys.executable, str(HERE / "peer.py"), str(instance_path), variant, str(out),
               "--seed", str(seed), "--iterations", str(iterations), *extra]
    if out.exists():
        out.unlink()

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (PEER_MEMORY, PEER_MEMORY))

    process = subprocess.Popen(command, start_new_session=True, preexec_fn=limit,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    started = time.perf_counter()
    try:
        _, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the group this run made: python and CBC
        process.communicate()
        return {"status": f"did not finish in {seconds} s", "wall": time.perf_counter() - started}
    if process.returncode != 0 or not out.exists():
        tail = err.decode(errors="replace").strip().splitlines()[-1:] or [""]
        reason = "out of memory" if "MemoryError" in tail[0] else f"failed: {tail[0][:80]}"
        return {"status": reason, "wall": time.perf_counter() - started}
    return json.loads(out.read_text())


def fora(binary, args):
    """One fora run: (seconds, exit code, parsed stdout or None, stderr)."""
    started = time.perf_counter()
    done = subprocess.run([binary, *args], capture_output=True, timeout=FORA_LIMIT)
    seconds = time.perf_counter() - started
    try:
        report = json.loads(done.stdout)
    except ValueError:
        report = None
    return seconds, done.returncode, report, done.stderr.decode(errors="replace")


def error_findings(binary, week_path):
    """How many error findings `fora check` has on a week (0 when it exits with 0)."""
    done = subprocess.run([binary, "check", str(week_path), "--format", "json", "--lang", "en"],
                          capture_output=True)
    if done.returncode == 0:
        return 0
    if done.returncode != 1:
        return f"check exited with {done.returncode}: {done.stderr.decode()[:120]}"
    report = json.loads(done.stdout)
    kinds = {f["kind"] for f in report["findings"] if f["severity"] == "error"}
    return sum(n for k, n in report["summary"]["finding_counts"].items() if k in kinds)


class Table:
    def __init__(self):
        self.rows = []

    def add(self, instance, tool, seconds, result=None, moved="", note=""):
        placed = problems = overflow = ""
        if result is not None:
            placed = result["placed"]
            problems = len(result["problems"])
            overflow = result["overflow"]
        row = (instance, tool, seconds, placed, problems, overflow, moved, note)
        self.rows.append(row)
        print(self.line(row), flush=True)

    @staticmethod
    def line(row):
        instance, tool, seconds, placed, problems, overflow, moved, note = row
        secs = f"{seconds:.3f}" if isinstance(seconds, float) else seconds
        return (f"{instance:<10} {tool:<26} {secs:>9} {placed!s:>6} {problems!s:>8} "
                f"{overflow!s:>8} {moved!s:>5}  {note}").rstrip()


HEAD = Table.line(("instance", "tool / variant", "seconds", "placed", "problems", "overflow",
                   "moved", "note"))


def run_fora(binary, out, name, instance, table, results):
    week_path = out / f"{name}.week.json"
    planned = out / f"{name}.fora.json"
    seconds, code, report, err = fora(
        binary, ["plan", str(week_path), "-o", str(planned), "--format", "json", "--seed", "1"])
    entry = {"seconds": seconds, "exit": code}
    if code not in (0, 1) or not planned.exists():
        table.add(name, "fora plan", seconds, note=f"exit {code}: {err.strip()[:100]}")
        results[name]["fora"] = entry
        return
    week = json.loads(planned.read_text())
    check = verify.verify(instance, verify.from_week(week), week=week)
    errors = error_findings(binary, planned)
    said = report.get("placed") if report else None
    notes = [f"exit {code}", f"check: {errors} error findings"]
    if said != check["placed"]:
        notes.append(f"says placed {said}")
    if report and report.get("stopped"):
        notes.append("stopped by its time limit")
    notes += check["problems"][:2]
    entry.update(check=check, errors=errors, report_placed=said)
    results[name]["fora"] = entry
    table.add(name, "fora plan", seconds, check, note="; ".join(notes))


def run_peer(out, name, instance, variants, seed, table, results):
    path = out / f"{name}.instance.json"
    for variant, seconds, iterations in variants:
        result = peer(path, variant, out / f"{name}.{variant}.json", seconds, iterations, seed)
        label = f"CS {variant}" + (f" ({iterations} it.)" if iterations else "")
        entry = {"status": result["status"], "limit": seconds}
        if result["status"] != "ok":
            table.add(name, label, "-", note=result["status"])
        else:
            check = verify.verify(instance, verify.from_solution(instance, result["solution"]))
            entry.update(seconds=result["seconds"], check=check)
            table.add(name, label, result["seconds"], check, note="; ".join(check["problems"][:2]))
        results[name][variant] = entry


def unavailable_event(instance, solution):
    """The event to take out of its time: the one of the largest demand (the first in file
    order of those), which fits only the largest rooms, so that it may have to displace
    another event where it goes."""
    event = max(instance["events"], key=lambda e: e["demand"])["id"]
    slot = instance["slots"][solution[event]]
    return event, (slot["day"], slot["period"])


def run_replan(binary, out, name, instance, seed, table, results):
    """Both tools start from the ILP's plan; one event may no longer run at its time.

    The plan is ilp-fit's (capacity a rule), so the week starts without error findings and
    both tools replan under the same rules.
    """
    ilp = out / f"{name}.ilp-fit.json"
    if results[name].get("ilp-fit", {}).get("status") != "ok":
        table.add(name, "replan", "-", note="no ILP plan to start from")
        return
    solution = json.loads(ilp.read_text())["solution"]
    event, (d, p) = unavailable_event(instance, solution)
    before = verify.from_solution(instance, solution)
    windows = {event: plan_instances.windows_without(instance, d, p)}
    spans = {event: verify.window_spans(windows[event])}
    entry = {"event": event, "time": [d, p]}
    results[name]["replan"] = entry

    start_week = out / f"{name}.replan-start.json"
    plan_instances.write_json(start_week, plan_instances.week(instance, solution, windows))
    replanned = out / f"{name}.replan-fora.json"
    seconds, code, report, err = fora(binary, ["plan", str(start_week), "--replan", "-o",
                                               str(replanned), "--format", "json", "--seed", "1"])
    if code not in (0, 1) or not replanned.exists():
        table.add(name, f"fora plan --replan {event}", seconds,
                  note=f"exit {code}: {err.strip()[:100]}")
        entry["fora"] = {"exit": code}
    else:
        week = json.loads(replanned.read_text())
        after = verify.from_week(week)
        check = verify.verify(instance, after, spans, week=week)
        moved = len(verify.moved(before, after))
        errors = error_findings(binary, replanned)
        said = report.get("moved") if report else None
        notes = [f"exit {code}", f"check: {errors} error findings"]
        if said != moved:
            notes.append(f"says moved {said}")
        entry["fora"] = {"seconds": seconds, "exit": code, "moved": moved, "check": check,
                         "errors": errors, "report_moved": said}
        table.add(name, f"fora plan --replan {event}", seconds, check, moved,
                  "; ".join(notes + check["problems"][:2]))

    result = peer(out / f"{name}.instance.json", "replan", out / f"{name}.replan-cs.json", 600,
                  seed=seed, extra=["--existing", str(ilp), "--unavailable", event])
    if result["status"] != "ok":
        table.add(name, f"CS replan {event}", "-", note=result["status"])
        entry["peer"] = {"status": result["status"]}
        return
    after = verify.from_solution(instance, result["solution"])
    check = verify.verify(instance, after, spans)
    moved = len(verify.moved(before, after))
    entry["peer"] = {"status": "ok", "seconds": result["seconds"], "moved": moved, "check": check}
    table.add(name, f"CS replan {event}", result["seconds"], check, moved,
              "; ".join(check["problems"][:2]))


def clean(entry, count):
    """A fora run that placed every forum, passed the independent check and has no error."""
    if not entry or "check" not in entry:
        return False, "no plan"
    check = entry["check"]
    if check["placed"] != count or check["problems"] or entry["errors"] != 0:
        return False, (f"placed {check['placed']}/{count}, {len(check['problems'])} problems, "
                       f"{entry['errors']} error findings")
    return True, f"all {count} placed, 0 error findings"


def speed(results, name, count):
    """Target: at least 100 times as fast as the ILP (no objective), every forum placed."""
    label = name.replace("-", "/")
    ok, said = clean(results[name].get("fora"), count)
    ilp = results[name].get("ilp", {})
    mine = results[name].get("fora", {}).get("seconds")
    if mine is None:
        return False, f"{label}: fora did not run"
    if ilp.get("status") == "ok":
        ratio, theirs, bound = ilp["seconds"] / mine, f"{ilp['seconds']:.1f} s", ""
    else:  # the ILP took longer than its limit: the ratio is at least this
        ratio, theirs, bound = ilp["limit"] / mine, f"> {ilp['limit']} s ({ilp.get('status')})", "> "
    passed = ok and ratio >= 100
    return passed, (f"{label}: fora {mine:.3f} s vs ILP {theirs} = {bound}{ratio:.0f}× "
                    f"(target ≥ 100×), {said}")


def targets(results, quick):
    out = []
    sizes = {name: plan_instances.SIZES[name][0] for name in plan_instances.SIZES}
    for name in ("80-112", "150-175"):
        if name in results:
            out.append(speed(results, name, sizes[name]))
    if "30-84" in results:
        ok, said = clean(results["30-84"].get("fora"), sizes["30-84"])
        cap = results["30-84"].get("ilp-capacity", {})
        if cap.get("status") == "ok" and "check" in results["30-84"].get("fora", {}):
            mine = results["30-84"]["fora"]["check"]["overflow"]
            theirs = cap["check"]["overflow"]
            out.append((ok and mine <= theirs, f"30/84: capacity overflow fora {mine} vs ILP "
                        f"(capacity objective) {theirs} (target ≤), {said}"))
        else:
            out.append((False, f"30/84: no overflow to compare ({cap.get('status')}), {said}"))
    if "1500-1600" in results:
        entry = results["1500-1600"].get("fora", {})
        ok, said = clean(entry, sizes["1500-1600"])
        seconds = entry.get("seconds", float("inf"))
        peer_status = results["1500-1600"].get("ilp", {}).get("status", "not run")
        out.append((ok and seconds < 10, f"1500/1600: fora {seconds:.3f} s (target < 10 s), "
                    f"{said}; ILP: {peer_status}"))
    for name in REPLAN["quick" if quick else "full"]:
        entry = results.get(name, {}).get("replan")
        label = name.replace("-", "/")
        if not entry or "moved" not in entry.get("fora", {}) or "moved" not in entry.get("peer", {}):
            out.append((False, f"replan {label}: not measured ({entry})"))
            continue
        f, p = entry["fora"], entry["peer"]
        good = not f["check"]["problems"] and f["errors"] == 0 and f["exit"] == 0
        out.append((good and f["moved"] <= p["moved"],
                    f"replan {label} ({entry['event']} out of its time): fora moved {f['moved']} "
                    f"vs ILP number_of_changes {p['moved']} (target ≤), "
                    f"{len(f['check']['problems'])} problems, {f['errors']} error findings"))
    return out


def versions(binary):
    import pulp

    cbc = subprocess.run([pulp.PULP_CBC_CMD().path, "-quit"], capture_output=True, text=True)
    line = next((l for l in cbc.stdout.splitlines() if l.startswith("Version")), "Version: ?")
    own = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{own}, conference-scheduler {metadata.version('conference-scheduler')}, "
            f"PuLP {metadata.version('pulp')}, CBC {line.split(':', 1)[1].strip()}, "
            f"numpy {metadata.version('numpy')}, python {sys.version.split()[0]}")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fora", required=True, help="the fora binary")
    parser.add_argument("--out", default="target/plan-bench")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quick", action="store_true",
                        help="30/84 and 80/112 only, short limits: a smoke run")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    plan = QUICK if args.quick else FULL
    started = time.time()
    print("fora plan against ConferenceScheduler (CS)")
    print(f"started {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
          f"{os.cpu_count()} cores, {versions(args.fora)}")
    print()
    instances = {}
    for name in plan:
        instance = plan_instances.make(name, args.seed)
        plan_instances.write_json(out / f"{name}.instance.json", instance)
        plan_instances.write_json(out / f"{name}.week.json", plan_instances.week(instance))
        instances[name] = instance
        days, periods, rooms = plan_instances.SIZES[name][1:]
        print(f"{name}: {len(instance['events'])} events, {len(instance['slots'])} slots "
              f"({days} days × {periods} periods × {rooms} rooms), "
              f"{len(plan_instances.clashes(instance))} pairs of events sharing a speaker")
    print()
    print(HEAD)
    table, results = Table(), {name: {} for name in plan}
    for name, variants in plan.items():
        run_fora(args.fora, out, name, instances[name], table, results)
        run_peer(out, name, instances[name], variants, args.seed, table, results)
    for name in REPLAN["quick" if args.quick else "full"]:
        run_replan(args.fora, out, name, instances[name], args.seed, table, results)
    verdicts = targets(results, args.quick)
    print()
    print("targets")
    for ok, text in verdicts:
        print(f"{'PASS' if ok else 'FAIL'} {text}")
    passed = sum(ok for ok, _ in verdicts)
    print(f"{passed} passed, {len(verdicts) - passed} failed "
          f"(in {time.time() - started:.0f} s{', --quick' if args.quick else ''})")
    plan_instances.write_json(out / "results.json", results)
    return 0 if passed == len(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
