#!/usr/bin/env python3
"""Checks of the benchmark's own parts, standard library only: python3 bench/plan/selftest.py

The instances are the same for the same seed and feasible (their hidden assignment passes the
verifier), and the verifier finds each kind of broken plan. Exits with 1 on the first failure.
"""

import copy
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
import plan_instances  # noqa: E402
import verify  # noqa: E402


def expect(condition, what):
    if not condition:
        print(f"FAIL {what}")
        sys.exit(1)
    print(f"ok   {what}")


def problems(instance, week, windows=None):
    return verify.verify(instance, verify.from_week(week), windows, week=week)["problems"]


def main():
    for name in plan_instances.SIZES:
        a = json.dumps(plan_instances.make(name, 1))
        expect(a == json.dumps(plan_instances.make(name, 1)), f"{name}: same seed, same instance")
        expect(a != json.dumps(plan_instances.make(name, 2)), f"{name}: another seed, another")
        instance = json.loads(a)
        events, days, periods, rooms = plan_instances.SIZES[name]
        expect(len(instance["events"]) == events and
               len(instance["slots"]) == days * periods * rooms, f"{name}: its size")
        largest = max(r["capacity"] for r in instance["rooms"])
        expect(all(e["demand"] <= largest for e in instance["events"]),
               f"{name}: every demand fits the largest room")
        week = plan_instances.week(instance, instance["hidden"])
        result = verify.verify(instance, verify.from_week(week), week=week)
        expect(result["problems"] == [] and result["overflow"] == 0 and
               result["placed"] == events, f"{name}: the hidden assignment is a valid plan")
        expect(plan_instances.clashes(instance), f"{name}: some events share a speaker")

    instance = plan_instances.make("30-84", 1)
    good = plan_instances.week(instance, instance["hidden"])
    fora = {f["id"]: f for f in good["fora"]}
    i, j = plan_instances.clashes(instance)[0]
    a, b = instance["events"][i]["id"], instance["events"][j]["id"]

    def broken(change):
        week = copy.deepcopy(good)
        change({f["id"]: f for f in week["fora"]})
        return problems(instance, week)

    def same_place(f):
        f[b]["start"] = f[a]["start"]
        f[b]["room"] = f[a]["room"]

    def same_time_other_room(f):
        f[b]["start"] = f[a]["start"]
        f[b]["room"] = next(r["id"] for r in instance["rooms"] if r["id"] != f[a]["room"])

    cases = {
        "room overlap": (same_place, "overlap in room"),
        "speaker overlap": (same_time_other_room, f"overlap for "),
        "off the grid": (lambda f: f[a].update(start=f[a]["start"][:14] + "30"), "grid"),
        "before the day": (lambda f: f[a].update(start=f[a]["start"][:11] + "08:00"), "outside"),
        "not a day of the week": (lambda f: f[a].update(start="2030-06-20T09:00"), "not a day"),
        "not placed": (lambda f: f[a].pop("room"), "not placed"),
        "unknown room": (lambda f: f[a].update(room="nowhere"), "not a room"),
        "speakers changed": (lambda f: f[a].update(speakers=["Somebody"]), "speakers changed"),
        "longer": (lambda f: f[a].update(duration="90m"), "lasts"),
    }
    for what, (change, said) in cases.items():
        found = broken(change)
        expect(any(said in p for p in found), f"the verifier finds: {what} ({found[:1]})")

    week = copy.deepcopy(good)
    small = min(instance["rooms"], key=lambda r: r["capacity"])
    biggest = max(instance["events"], key=lambda e: e["demand"])
    next(f for f in week["fora"] if f["id"] == biggest["id"])["room"] = small["id"]
    result = verify.verify(instance, verify.from_week(week), week=week)
    expect(result["overflow"] == biggest["demand"] - small["capacity"],
           f"the verifier counts the overflow ({result['overflow']})")

    slot = instance["slots"][instance["hidden"][a]]
    spans = {a: verify.window_spans(
        plan_instances.windows_without(instance, slot["day"], slot["period"]))}
    expect(any("window" in p for p in problems(instance, good, spans)),
           "the verifier finds a forum still at the time its window leaves out")
    other = dict(instance["hidden"])
    other[a] = next(k for k, s in enumerate(instance["slots"])
                    if (s["day"], s["period"]) != (slot["day"], slot["period"])
                    and k not in instance["hidden"].values())
    moved = verify.from_solution(instance, other)
    expect(not any("window" in p for p in verify.verify(instance, moved, spans)["problems"]),
           "a forum at another time is within its window")
    expect(verify.moved(verify.from_solution(instance, instance["hidden"]), moved) == [a],
           "moved counts the one forum moved")
    expect(verify.minutes("1h30m") == 90 and verify.minutes("PT1H") == 60 and
           verify.minutes(45) == 45, "durations read as fora writes them")
    expect(verify.local_time("2030-06-03T07:00Z", "Europe/Berlin").hour == 9,
           "a start with an offset is read in the week's zone")
    print(f"all passed ({len(fora)} fora in the small week)")


if __name__ == "__main__":
    main()
