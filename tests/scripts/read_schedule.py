#!/usr/bin/env python3
"""An independent reading of a frab XML, frab JSON (also pretalx's) or schedule2 file.

Prints one JSON line per event: [instant in UTC, minutes, title, guid, room, speakers
(sorted, once each)]. The instant is the
event's `date` (schedule2: `start`) with its offset; only without one is it the day's
date and the `start` in the zone (time_zone_name, else --timezone), on the next day when
it is before the conference's day_change. Standard library only, so that it shares
nothing with fora's reader. Fails loudly on anything it cannot read.

    read_schedule.py SOURCE [--timezone ZONE]
"""

import argparse
import datetime as dt
import json
import re
import sys
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

ISO = re.compile(r"^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


def minutes(text):
    """H:MM, HH:MM:SS or ISO 8601 (PT1H30M, P1DT2H) to minutes."""
    text = text.strip()
    m = ISO.match(text)
    if m and text != "P":
        w, d, h, mi, s = (int(g or 0) for g in m.groups())
        return round(((w * 7 + d) * 24 * 60 + h * 60 + mi) + s / 60)
    parts = [int(p) for p in text.split(":")]
    if len(parts) == 2:
        return parts[0] * 60 + parts[1]
    if len(parts) == 3:
        return parts[0] * 60 + parts[1] + round(parts[2] / 60)
    raise ValueError(f"no duration: {text!r}")


def people(names):
    return sorted({name.strip() for name in names if name and name.strip()})


def utc(instant):
    if instant.tzinfo is None:
        raise ValueError(f"no offset: {instant}")
    return instant.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_day(day_date, start, zone, day_change):
    """The day's date and a time of day, on the next day before day_change."""
    if zone is None:
        raise ValueError("a local start needs a zone: --timezone")
    h, m = (int(p) for p in start.split(":")[:2])
    date = dt.date.fromisoformat(day_date)
    if (h, m) < day_change:
        date += dt.timedelta(days=1)
    return dt.datetime(date.year, date.month, date.day, h, m, tzinfo=ZoneInfo(zone))


def change_of(text):
    if not text:
        return (0, 0)
    h, m = (int(p) for p in text.split(":")[:2])
    return (h, m)


def read_xml(path, zone):
    root = ET.parse(path).getroot()
    conference = root.find("conference")
    named = conference.findtext("time_zone_name") if conference is not None else None
    zone = zone or (named.strip() if named else None)
    day_change = change_of(conference.findtext("day_change") if conference is not None else None)
    out = []
    for day in root.iter("day"):
        for room in day.iter("room"):
            for event in room.iter("event"):
                event.set("fora-filed-in", room.get("name") or "")
        for event in day.iter("event"):
            date = (event.findtext("date") or "").strip()
            if date:
                instant = dt.datetime.fromisoformat(date)
            else:
                instant = from_day(day.get("date"), event.findtext("start"), zone, day_change)
            title = (event.findtext("title") or "").strip()
            room = (event.findtext("room") or "").strip() or event.get("fora-filed-in")
            speakers = [(p.text or "").strip() for p in event.iter("person")]
            out.append(
                [utc(instant), minutes(event.findtext("duration")), title, event.get("guid")]
                + [room or None, people(speakers)]
            )
    if len(out) != len(list(root.iter("event"))):
        raise ValueError("an event outside any day")
    return out


def read_json(path, zone):
    with open(path, encoding="utf-8-sig") as file:
        root = json.load(file)
    schedule = root.get("schedule", root)
    conference = schedule.get("conference", {})
    zone = zone or conference.get("time_zone_name")
    day_change = change_of(conference.get("day_change"))
    out = []
    for day in conference.get("days", []):
        for filed, events in (day.get("rooms") or {}).items():
            for event in events:
                if event.get("date"):
                    instant = dt.datetime.fromisoformat(event["date"])
                else:
                    instant = from_day(day["date"], event["start"], zone, day_change)
                room = event.get("room") or filed
                speakers = [p.get("public_name") or p.get("name") for p in event["persons"]]
                out.append([utc(instant), minutes(event["duration"]), event["title"].strip()]
                           + [event.get("guid"), room.strip(), people(speakers)])
    for event in schedule.get("events", []):
        start = dt.datetime.fromisoformat(event["start"])
        if event.get("end"):
            length = round((dt.datetime.fromisoformat(event["end"]) - start).total_seconds() / 60)
        else:
            length = minutes(event["duration"])
        speakers = [p["name"] for p in event.get("participants", [])]
        out.append([utc(start), length, event["title"].strip(), event.get("guid")]
                   + [event["room"]["name"], people(speakers)])
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("source")
    parser.add_argument("--timezone")
    args = parser.parse_args()
    with open(args.source, "rb") as file:
        head = file.read(200).lstrip(b"\xef\xbb\xbf").lstrip()
    read = read_xml if head.startswith(b"<") else read_json
    for event in read(args.source, args.timezone):
        print(json.dumps(event, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
