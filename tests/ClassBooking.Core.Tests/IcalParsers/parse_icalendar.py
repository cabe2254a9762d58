"""Reads an iCalendar file with the Python icalendar library (Debian's python3-icalendar) and prints, as JSON,
the calendar's METHOD and each VEVENT's UID, SEQUENCE, STATUS and its start and end as UTC instants.

Usage: /usr/bin/python3 parse_icalendar.py FILE
"""
import datetime
import json
import sys

import icalendar


def utc(value):
    # A time without a zone would be floating: report it as such instead of guessing an offset.
    if value.tzinfo is None:
        return "floating:" + value.isoformat()
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


with open(sys.argv[1], "rb") as source:
    calendar = icalendar.Calendar.from_ical(source.read())

events = []
for event in calendar.walk("VEVENT"):
    events.append({
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS")) if "STATUS" in event else None,
        "start": utc(event.decoded("DTSTART")),
        "end": utc(event.decoded("DTEND")),
        "startZone": event["DTSTART"].params.get("TZID"),
    })

print(json.dumps({"method": str(calendar.get("METHOD")), "events": events}))
