// Reads an iCalendar file with Mozilla's ical.js (the parser inside Thunderbird) and prints, as JSON, the
// calendar's METHOD and each VEVENT's UID, SEQUENCE, STATUS and its start and end as UTC instants.
// Usage: node parse-icaljs.mjs FILE
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], 'utf8')));

// A TZID is only understood through a registered zone: register the calendar's own VTIMEZONEs, as a client
// does, so their rules (and nothing else) decide the offsets.
for (const zone of calendar.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(zone);
}

const utc = time => new Date(time.toUnixTime() * 1000).toISOString().replace('.000Z', 'Z');
const events = calendar.getAllSubcomponents('vevent').map(component => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: component.getFirstPropertyValue('status'),
    start: utc(event.startDate),
    end: utc(event.endDate),
    // ical.js has no zone database of its own: what it reads is what the VTIMEZONE's rules give.
    startByVtimezone: utc(event.startDate),
    endByVtimezone: utc(event.endDate),
    startZone: event.startDate.zone ? event.startDate.zone.tzid : null,
  };
});

console.log(JSON.stringify({ method: calendar.getFirstPropertyValue('method'), events }));
