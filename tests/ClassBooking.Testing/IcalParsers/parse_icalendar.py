"""Reads an iCalendar file with the Python icalendar library (Debian's python3-icalendar) and prints, as JSON,
the calendar's METHOD and each VEVENT's UID, SEQUENCE, STATUS and its start and end as UTC instants, both as the
library reads them and as the calendar's own VTIMEZONE rules give them.

Usage: /usr/bin/python3 parse_icalendar.py FILE
"""
import datetime
import json
import sys

import icalendar


def by_vtimezone(prop, zones):
    # icalendar resolves a known TZID through pytz and ignores the VTIMEZONE; a client without that zone has only
    # the VTIMEZONE, so apply its rules to the written local time as well, and report what they give.
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is None:
        return utc(value)
    try:
        zone = zones[tzid].to_tz()
        return utc(zone.localize(value.replace(tzinfo=None)))
    except Exception as error:  # a VTIMEZONE without usable rules is a finding, not a crash
        return "unreadable: %s: %s" % (type(error).__name__, error)


def utc(value):
    # A time without a zone would be floating: report it as such instead of guessing an offset.
    if value.tzinfo is None:
        return "floating:" + value.isoformat()
    return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


with open(sys.argv[1], "rb") as source:
    calendar = icalendar.Calendar.from_ical(source.read())

zones = {str(zone["TZID"]): zone for zone in calendar.walk("VTIMEZONE")}

events = []
for event in calendar.walk("VEVENT"):
    events.append({
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS")) if "STATUS" in event else None,
        "start": utc(event.decoded("DTSTART")),
        "end": utc(event.decoded("DTEND")),
        "startByVtimezone": by_vtimezone(event["DTSTART"], zones),
        "endByVtimezone": by_vtimezone(event["DTEND"], zones),
        "startZone": event["DTSTART"].params.get("TZID"),
    })

print(json.dumps({"method": str(calendar.get("METHOD")), "events": events}))
