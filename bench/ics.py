#!/usr/bin/env python3
"""The calendar an organiser would script: a week file in, one VEVENT per scheduled forum out.

    python3 bench/ics.py WEEK.json OUT.ics

Written with the `icalendar` package and the standard library's zoneinfo, as the yardstick
`bench/compare.sh` times `fora ics` against: DTSTART/DTEND with the week's TZID (and the
zone's VTIMEZONE), SUMMARY, LOCATION, DESCRIPTION (join link, format, speakers, text), URL,
STATUS, UID and DTSTAMP, sorted by start. No checking, no previous calendar.
"""

import json
import re
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event


def minutes(value):
    """A week file's duration: 90, "90m", "1h30m", "1.5h" or "PT1H30M"."""
    if isinstance(value, (int, float)):
        return int(value)
    text = value.strip().lower().replace(",", ".")
    if text.startswith("pt"):
        text = text[2:]
    if text.isdigit():
        return int(text)
    total = 0.0
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)([hm])", text):
        total += float(number) * (60 if unit == "h" else 1)
    return int(round(total))


def slug(text):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b).replace(a.upper(), b.capitalize())
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def main(path, out):
    with open(path, encoding="utf-8") as f:
        week = json.load(f)
    zone = ZoneInfo(week["timezone"])
    rooms = {room["id"]: room for room in week.get("rooms", [])}
    first_day = week["start"].replace("-", "")
    domain = slug(week["name"])
    if "updated" in week:
        stamp = datetime.fromisoformat(week["updated"].replace("Z", "+00:00"))
    else:
        stamp = datetime.fromisoformat(week["start"]).replace(tzinfo=zone)
    stamp = stamp.astimezone(timezone.utc)

    cal = Calendar()
    cal.add("prodid", "-//bench//ics.py//DE")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", week["name"])
    cal.add("x-wr-timezone", week["timezone"])

    fora = []
    for forum in week["fora"]:
        if "start" not in forum:
            continue
        start = datetime.fromisoformat(forum["start"]).replace(tzinfo=zone)
        fora.append((start, forum["id"], forum))
    fora.sort(key=lambda entry: (entry[0], entry[1]))

    for start, _, forum in fora:
        room = rooms.get(forum.get("room"), {})
        link = forum.get("url") or room.get("url")
        lines = []
        if link:
            lines.append(f"Teilnehmen: {link}")
        if forum.get("format"):
            lines.append(f"Format: {forum['format']}")
        if forum.get("speakers"):
            lines.append("Mitwirkende: " + ", ".join(forum["speakers"]))
        if forum.get("description"):
            lines += ["", forum["description"]]

        event = Event()
        event.add("uid", f"{forum['id']}.{first_day}@{domain}.fora")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=minutes(forum["duration"])))
        event.add("summary", forum["title"])
        event.add("status", forum.get("status", "confirmed").upper())
        event.add("location", room.get("name", forum.get("room", "")))
        if link:
            event.add("url", link)
        event.add("description", "\n".join(lines))
        cal.add_component(event)

    if hasattr(cal, "add_missing_timezones"):  # icalendar 6.1 and later: VTIMEZONE from zoneinfo
        cal.add_missing_timezones()
    with open(out, "wb") as f:
        f.write(cal.to_ical())


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(f"usage: {sys.argv[0]} WEEK.json OUT.ics")
    main(sys.argv[1], sys.argv[2])
