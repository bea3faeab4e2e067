"""Reads a frab schedule.xml with Python's own XML parser (not fora's quick-xml) and prints
its days and events as JSON, for tests/frab_export.rs to compare with the week file."""

import json
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
days = []
for day in root.findall("day"):
    events = []
    for room in day.findall("room"):
        for event in room.findall("event"):
            events.append(
                {
                    "guid": event.get("guid"),
                    "id": int(event.get("id")),
                    "room_of_day": room.get("name"),
                    "room": event.findtext("room"),
                    "date": event.findtext("date"),
                    "start": event.findtext("start"),
                    "duration": event.findtext("duration"),
                    "slug": event.findtext("slug"),
                    "url": event.findtext("url"),
                    "title": event.findtext("title"),
                    "persons": [p.text or "" for p in event.findall("persons/person")],
                }
            )
    days.append(
        {
            "index": int(day.get("index")),
            "date": day.get("date"),
            "start": day.get("start"),
            "end": day.get("end"),
            "events": events,
        }
    )
json.dump({"version": root.findtext("version"), "days": days}, sys.stdout)
