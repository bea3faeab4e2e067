"""An independent check of a plan against its instance, the same for both tools.

It reads what the plan says (a fora week file, or ConferenceScheduler's slot indices) with
nothing of fora's code and checks what the instance asks: every event placed once, in a room
of the week, on a day of the week within the day's hours, on the 60-minute grid, no two
events at once in a room or with a speaker, and each in its window where it has one. It also
counts the capacity overflow: the sum over events of max(0, demand - capacity of its room).
"""

import datetime
import re
from zoneinfo import ZoneInfo

import plan_instances


def minutes(text):
    """A fora duration ("60m", "1h30m", "1.5h", "PT1H30M", 60) in minutes."""
    if isinstance(text, (int, float)):
        return float(text)
    text = text.strip()
    iso = re.fullmatch(r"PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?", text, re.I)
    if iso and any(iso.groups()):
        return float(iso[1] or 0) * 60 + float(iso[2] or 0)
    plain = re.fullmatch(r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?:in)?)?", text)
    if plain and any(plain.groups()):
        return float(plain[1] or 0) * 60 + float(plain[2] or 0)
    return float(text)


def local_time(text, zone):
    """A start as a naive datetime in the week's zone (an offset, if written, is honoured)."""
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    moment = datetime.datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return moment


def window_spans(strings):
    """fora window strings as (start, end) naive datetimes."""
    spans = []
    for w in strings:
        if "/" not in w:
            first = datetime.datetime.fromisoformat(w)
            spans.append((first, first + datetime.timedelta(days=1)))
            continue
        left, right = w.split("/")
        start = datetime.datetime.fromisoformat(left)
        end = (
            datetime.datetime.combine(start.date(), datetime.time.fromisoformat(right))
            if "T" not in right
            else datetime.datetime.fromisoformat(right)
        )
        spans.append((start, end))
    return spans


def from_week(week):
    """The plan in a fora week file: id -> (start, end, room id), for fora with both."""
    plan = {}
    for forum in week["fora"]:
        if forum.get("start") and forum.get("room"):
            start = local_time(forum["start"], week["timezone"])
            end = start + datetime.timedelta(minutes=minutes(forum["duration"]))
            plan[forum["id"]] = (start, end, forum["room"])
    return plan


def from_solution(instance, solution):
    """The plan in ConferenceScheduler's terms: id -> slot index."""
    plan = {}
    for event, index in solution.items():
        slot = instance["slots"][index]
        start = plan_instances.slot_start(instance, slot)
        end = start + datetime.timedelta(minutes=plan_instances.MINUTES)
        plan[event] = (start, end, instance["rooms"][slot["room"]]["id"])
    return plan


def overlaps(spans):
    """Pairs of keys whose (start, end) overlap, among (start, end, key) items."""
    found = []
    spans = sorted(spans)
    for a in range(len(spans)):
        for b in range(a + 1, len(spans)):
            if spans[b][0] >= spans[a][1]:
                break
            found.append((spans[a][2], spans[b][2]))
    return found


def verify(instance, plan, windows=None, week=None):
    """What is wrong with a plan, and its figures.

    Returns {"placed", "overflow", "over_capacity", "problems": [text, ...]}. With week (the
    fora week file the plan came from) it also checks that the fora kept their speakers,
    registrations and durations.
    """
    windows = windows or {}
    problems = []
    events = {e["id"]: e for e in instance["events"]}
    rooms = {r["id"]: r for r in instance["rooms"]}
    days = {plan_instances.day(instance, d) for d in range(instance["days"])}
    first_hour = instance["day_start"]
    last_hour = first_hour + instance["periods"]
    for extra in sorted(set(plan) - set(events)):
        problems.append(f"{extra}: not an event of the instance")
    for missing in sorted(set(events) - set(plan)):
        problems.append(f"{missing}: not placed")
    by_room, by_speaker, overflow, over = {}, {}, 0, 0
    for eid, (start, end, room) in sorted(plan.items()):
        if eid not in events:
            continue
        event = events[eid]
        if room not in rooms:
            problems.append(f"{eid}: room {room} is not a room of the week")
            continue
        if start.date() not in days:
            problems.append(f"{eid}: {start} is not a day of the week")
        day_start = datetime.datetime.combine(start.date(), datetime.time(first_hour))
        day_end = datetime.datetime.combine(start.date(), datetime.time(last_hour))
        if start < day_start or end > day_end:
            problems.append(f"{eid}: {start}-{end.time()} is outside {first_hour}-{last_hour} h")
        offset = (start - day_start).total_seconds() / 60
        if offset % plan_instances.MINUTES or start.second or start.microsecond:
            problems.append(f"{eid}: {start} is off the {plan_instances.MINUTES}-minute grid")
        if (end - start) != datetime.timedelta(minutes=event["duration"]):
            problems.append(f"{eid}: lasts {end - start}, not {event['duration']} minutes")
        if eid in windows and not any(a <= start and end <= b for a, b in windows[eid]):
            problems.append(f"{eid}: {start} is outside its window")
        by_room.setdefault(room, []).append((start, end, eid))
        for speaker in event["speakers"]:
            by_speaker.setdefault(speaker, []).append((start, end, eid))
        excess = event["demand"] - rooms[room]["capacity"]
        if excess > 0:
            overflow += excess
            over += 1
    for room, spans in sorted(by_room.items()):
        for a, b in overlaps(spans):
            problems.append(f"{a} and {b} overlap in room {room}")
    for speaker, spans in sorted(by_speaker.items()):
        for a, b in overlaps(spans):
            problems.append(f"{a} and {b} overlap for {speaker}")
    if week is not None:
        problems += kept(events, week)
    placed = len(set(plan) & set(events))
    return {"placed": placed, "overflow": overflow, "over_capacity": over, "problems": problems}


def kept(events, week):
    """Fora whose speakers, registrations or duration differ from the instance's."""
    problems = []
    for forum in week["fora"]:
        event = events.get(forum["id"])
        if event is None:
            continue
        if sorted(forum.get("speakers", [])) != sorted(event["speakers"]):
            problems.append(f"{forum['id']}: speakers changed to {forum.get('speakers')}")
        if forum.get("registrations") != event["demand"]:
            problems.append(f"{forum['id']}: registrations changed")
        if minutes(forum["duration"]) != event["duration"]:
            problems.append(f"{forum['id']}: duration changed to {forum['duration']}")
    ids = [f["id"] for f in week["fora"]]
    if len(ids) != len(set(ids)):
        problems.append("a forum id appears twice")
    return problems


def moved(before, after):
    """Ids whose start or room differ between two plans (id -> (start, end, room))."""

    def place(plan, event):
        start, _, room = plan.get(event, (None, None, None))
        return start, room

    return sorted(e for e in set(before) | set(after) if place(before, e) != place(after, e))
