#!/usr/bin/env python3
"""The planning benchmark's instances, made once as data and written for both tools.

An instance is days x periods x rooms of 60-minute slots and events of 60 minutes with
speakers and a demand. It is made from a hidden assignment of every event to a slot of its
own, so it is feasible by construction: speakers are only shared by events the hidden
assignment puts at different times, and an event's demand is at most the capacity of its
hidden room. The same seed gives the same bytes.

    python3 bench/plan_instances.py --seed 1 -o target/plan-bench            # all four
    python3 bench/plan_instances.py --seed 1 -o DIR --only 30-84 80-112

writes, for each size NAME, DIR/NAME.week.json (the fora week file: the fora without start
and room) and DIR/NAME.instance.json (the data, with the hidden assignment). `peer_problem`
turns an instance into ConferenceScheduler's Event and Slot objects; it is the only part
that needs conference_scheduler, the rest is the standard library.
"""

import argparse
import datetime
import json
import random
import sys
from pathlib import Path

# name: (events, days, periods a day, rooms)
SIZES = {
    "30-84": (30, 4, 3, 7),
    "80-112": (80, 4, 4, 7),
    "150-175": (150, 5, 5, 7),
    "1500-1600": (1500, 10, 8, 20),
}
FIRST_DAY = datetime.date(2030, 6, 3)
DAY_START = 9  # the hour of period 0
MINUTES = 60


def capacities(rooms):
    """Room capacities from 20 to 200, spaced evenly on a log scale."""
    if rooms == 1:
        return [200]
    return [round(20 * 10 ** (i / (rooms - 1))) for i in range(rooms)]


def make(name, seed):
    events_count, days, periods, room_count = SIZES[name]
    # One stream a size, so an instance does not change when another size is added.
    rng = random.Random(f"{seed}/{name}")
    rooms = [
        {"id": f"r{i + 1}", "name": f"Room {i + 1}", "capacity": c}
        for i, c in enumerate(capacities(room_count))
    ]
    slots = [
        {"day": d, "period": p, "room": i}
        for d in range(days)
        for p in range(periods)
        for i in range(room_count)
    ]
    if events_count > len(slots):
        raise ValueError(f"{name}: {events_count} events do not fit {len(slots)} slots")
    hidden = rng.sample(range(len(slots)), events_count)
    speakers = [f"Speaker {i + 1}" for i in range(max(4, events_count // 2))]
    busy = {}  # (day, period) -> speakers already speaking then
    events = []
    for number, slot_index in enumerate(hidden, start=1):
        slot = slots[slot_index]
        time = (slot["day"], slot["period"])
        taken = busy.setdefault(time, set())
        free = [s for s in speakers if s not in taken]
        chosen = rng.sample(free, 1 if rng.random() < 0.7 else 2)
        taken.update(chosen)
        capacity = rooms[slot["room"]]["capacity"]
        events.append(
            {
                "id": f"e{number}",
                "duration": MINUTES,
                "speakers": chosen,
                "demand": rng.randint(max(1, capacity // 3), capacity),
            }
        )
    return {
        "name": name,
        "seed": seed,
        "first_day": FIRST_DAY.isoformat(),
        "days": days,
        "periods": periods,
        "day_start": DAY_START,
        "rooms": rooms,
        "slots": slots,
        "events": events,
        "hidden": {e["id"]: s for e, s in zip(events, hidden)},
    }


def day(instance, d):
    return datetime.date.fromisoformat(instance["first_day"]) + datetime.timedelta(days=d)


def slot_start(instance, slot):
    """The slot's start as a naive local datetime."""
    return datetime.datetime.combine(
        day(instance, slot["day"]), datetime.time(instance["day_start"] + slot["period"])
    )


def week(instance, placed=None, windows=None):
    """The fora week file of an instance, as a dict.

    placed maps event id -> slot index (written as start and room); windows maps event
    id -> its list of window strings.
    """
    placed = placed or {}
    windows = windows or {}
    events, sizes = instance["events"], instance["name"].split("-")
    fora = []
    for e in events:
        forum = {
            "id": e["id"],
            "title": f"Event {e['id'][1:]}",
            "duration": f"{e['duration']}m",
            "speakers": e["speakers"],
            "registrations": e["demand"],
        }
        if e["id"] in placed:
            slot = instance["slots"][placed[e["id"]]]
            forum["start"] = slot_start(instance, slot).strftime("%Y-%m-%dT%H:%M")
            forum["room"] = instance["rooms"][slot["room"]]["id"]
        if e["id"] in windows:
            forum["window"] = windows[e["id"]]
        fora.append(forum)
    day_end = instance["day_start"] + instance["periods"]
    return {
        "id": f"bench-{instance['name']}",
        "name": f"Planning benchmark {sizes[0]}/{sizes[1]}",
        "timezone": "Europe/Berlin",
        "start": instance["first_day"],
        "end": day(instance, instance["days"] - 1).isoformat(),
        "rooms": instance["rooms"],
        "rules": {
            "day_start": f"{instance['day_start']:02}:00",
            "day_end": f"{day_end:02}:00",
            "grid": f"{MINUTES}m",
            "parallel": True,
        },
        "fora": fora,
    }


def windows_without(instance, d, p):
    """Window strings for every time of the week but period p of day d."""
    out = []
    for other in range(instance["days"]):
        date = day(instance, other).isoformat()
        if other != d:
            out.append(date)
            continue
        start, end = instance["day_start"], instance["day_start"] + instance["periods"]
        if p > 0:
            out.append(f"{date}T{start:02}:00/{start + p:02}:00")
        if p < instance["periods"] - 1:
            out.append(f"{date}T{start + p + 1:02}:00/{end:02}:00")
    return out


def clashes(instance):
    """Pairs of event indices (i < j) that share a speaker."""
    by_speaker = {}
    for i, e in enumerate(instance["events"]):
        for s in e["speakers"]:
            by_speaker.setdefault(s, []).append(i)
    pairs = set()
    for members in by_speaker.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                pairs.add((members[a], members[b]))
    return sorted(pairs)


def peer_problem(instance, fit=False):
    """ConferenceScheduler's Event and Slot lists for an instance (same order as ours).

    With fit, capacity is a rule as it is for fora: each event is unavailable in the slots
    too small for its demand (the peer itself only weighs capacity in an objective).

    Speaker clashes are unavailability between events, in both directions: version 3.0.1
    writes the clash constraints only for events whose own unavailability is not empty
    (lp_problem/constraints.py), so one direction alone would leave half the orderings
    unguarded. Tags would not do: they mark clashes, but no constraint is written for an
    event without unavailability. Events are compared by name first, so the mutual
    references never recurse.
    """
    from conference_scheduler.resources import Event, Slot

    slots = [
        Slot(
            venue=instance["rooms"][s["room"]]["id"],
            starts_at=slot_start(instance, s),
            duration=MINUTES,
            capacity=instance["rooms"][s["room"]]["capacity"],
            session=f"{day(instance, s['day'])} {instance['rooms'][s['room']]['id']}",
        )
        for s in instance["slots"]
    ]
    events = [Event(e["id"], e["duration"], e["demand"]) for e in instance["events"]]
    for i, j in clashes(instance):
        events[i].add_unavailability(events[j])
        events[j].add_unavailability(events[i])
    if fit:
        for event in events:
            event.add_unavailability(*[s for s in slots if s.capacity < event.demand])
    return events, slots


def write_json(path, data):
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--out", required=True, help="the directory to write into")
    parser.add_argument("--only", nargs="*", choices=sorted(SIZES), help="these sizes only")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.only or SIZES:
        instance = make(name, args.seed)
        write_json(out / f"{name}.instance.json", instance)
        write_json(out / f"{name}.week.json", week(instance))
        print(
            f"{name}: {len(instance['events'])} events, {len(instance['slots'])} slots, "
            f"{len(clashes(instance))} speaker clashes"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
