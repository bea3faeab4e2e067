// Reads an iCalendar file with ical.js, as Thunderbird does.
//
// ical.js ships no zone database: every local time is resolved through a VTIMEZONE of the
// file itself, so what this prints shows whether the file's own VTIMEZONEs are right.
//
//   node read.mjs events FILE.ics
//     One JSON array: every VEVENT with its fields, start and end as Unix seconds.
//     Fails if an event names a TZID that the file does not define.
//   node read.mjs header FILE.ics
//     One JSON object: NAME, X-WR-CALNAME and X-WR-CALDESC as {value, language}, or null.
//   node read.mjs offsets FILE.ics TZID FROM TO STEP
//     `t offset_seconds` for t = FROM, FROM+STEP, ... < TO (Unix seconds): the UTC offset
//     in force at the UTC instant t by the file's VTIMEZONE TZID.
//   node read.mjs offsets-at FILE.ics TZID T...
//     The same for the instants T given.

import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

function fail(message) {
  process.stderr.write(`read.mjs: ${message}\n`);
  process.exit(2);
}

function calendar(file) {
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    fail(`${file}: ${error.message}`);
  }
  if (root.name !== 'vcalendar') {
    fail(`${file}: the first component is ${root.name}, not VCALENDAR`);
  }
  // Only the file's own zones: forget any earlier ones, keep none but ical.js's UTC.
  ICAL.TimezoneService.reset();
  const zones = new Map();
  for (const component of root.getAllSubcomponents('vtimezone')) {
    if (!component.hasProperty('tzid')) {
      // Nothing can name it, so nothing can use it.
      process.stderr.write(`read.mjs: ${file}: skipping a VTIMEZONE without TZID\n`);
      continue;
    }
    const zone = new ICAL.Timezone(component);
    if (zones.has(zone.tzid)) {
      fail(`${file}: VTIMEZONE ${zone.tzid} is defined twice`);
    }
    zones.set(zone.tzid, zone);
    ICAL.TimezoneService.register(zone);
  }
  return { root, zones };
}

// A property's value as iCalendar text (TEXT values unescaped), or null.
function text(component, name) {
  const property = component.getFirstProperty(name);
  if (!property) {
    return null;
  }
  const value = property.getFirstValue();
  if (value === null || value === undefined) {
    return null;
  }
  return typeof value.toICALString === 'function' ? value.toICALString() : String(value);
}

// ORGANIZER as {value, cn}, or null.
function organizer(component) {
  const property = component.getFirstProperty('organizer');
  if (!property) {
    return null;
  }
  return { value: String(property.getFirstValue()), cn: property.getParameter('cn') ?? null };
}

// The calendar's own properties: NAME, X-WR-CALNAME and X-WR-CALDESC with their LANGUAGE.
// ical.js knows none of them, so each value is as written, TEXT escapes and all.
function header(file) {
  const { root } = calendar(file);
  const out = {};
  for (const name of ['name', 'x-wr-calname', 'x-wr-caldesc']) {
    const property = root.getFirstProperty(name);
    out[name] = property
      ? { value: String(property.getFirstValue()), language: property.getParameter('language') ?? null }
      : null;
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

function events(file) {
  const { root, zones } = calendar(file);
  const out = [];
  for (const component of root.getAllSubcomponents('vevent')) {
    const uid = text(component, 'uid');
    // ical.js would silently read an unknown TZID as floating time: refuse instead.
    for (const property of component.getAllProperties()) {
      const tzid = property.getParameter('tzid');
      if (tzid !== undefined && tzid !== null && !zones.has(tzid)) {
        fail(`event ${uid}: ${property.name.toUpperCase()} names TZID ${tzid}, which the file does not define`);
      }
    }
    const event = new ICAL.Event(component);
    const dtstart = component.getFirstProperty('dtstart');
    if (!dtstart) {
      fail(`event ${uid} has no DTSTART`);
    }
    const sequence = component.getFirstPropertyValue('sequence');
    out.push({
      uid,
      sequence: typeof sequence === 'number' ? sequence : null,
      status: text(component, 'status'),
      summary: text(component, 'summary'),
      description: text(component, 'description'),
      location: text(component, 'location'),
      url: text(component, 'url'),
      dtstamp: text(component, 'dtstamp'),
      last_modified: text(component, 'last-modified'),
      conference: component.getAllProperties('conference').map((property) => {
        const [, params] = property.toJSON();
        return { value: String(property.getFirstValue()), params };
      }),
      alarms: component.getAllSubcomponents('valarm').map((alarm) => ({
        action: text(alarm, 'action'),
        trigger: text(alarm, 'trigger'),
        description: text(alarm, 'description'),
      })),
      categories: component.getAllProperties('categories').flatMap((property) => property.getValues()),
      organizer: organizer(component),
      contact: text(component, 'contact'),
      language: Object.fromEntries(['summary', 'description', 'location', 'categories'].map((name) => [
        name,
        component.getFirstProperty(name)?.getParameter('language') ?? null,
      ])),
      tzid: dtstart.getParameter('tzid') ?? null,
      start: event.startDate.toUnixTime(),
      end: event.endDate ? event.endDate.toUnixTime() : null,
    });
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

// The offset in force at each UTC instant (Unix seconds) by the file's VTIMEZONE `tzid`.
function offsetsAt(file, tzid, instants) {
  const { zones } = calendar(file);
  const zone = zones.get(tzid);
  if (!zone) {
    fail(`${file} defines no VTIMEZONE ${tzid}`);
  }
  if (instants.length === 0) {
    return '';
  }
  // ical.js's own expansion of the observances, as UTC onsets. Converting a UTC ICAL.Time
  // with convertToZone() is not used: it looks the offset up as if the UTC wall time were
  // local, so it is one step off for an hour (the size of the shift) after each change.
  const latest = Math.max(...instants.map((t) => new Date(t * 1000).getUTCFullYear()));
  zone.utcOffset(ICAL.Time.fromData({ year: latest + 1, month: 1, day: 1 }));
  const changes = zone.changes
    .map((change) => ({
      at: Date.UTC(change.year, change.month - 1, change.day, change.hour, change.minute, change.second) / 1000,
      offset: change.utcOffset,
    }))
    .sort((a, b) => a.at - b.at);
  return instants.map((t) => {
    // The last onset at or before t; like ical.js's utcOffset(), 0 before the first.
    let [lo, hi] = [0, changes.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (changes[mid].at <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return `${t} ${lo > 0 ? changes[lo - 1].offset : 0}\n`;
  }).join('');
}

function whole(values) {
  const numbers = values.map(Number);
  if (!numbers.every(Number.isSafeInteger)) {
    fail(`not whole Unix seconds: ${values.join(' ')}`);
  }
  return numbers;
}

const [mode, file, ...rest] = process.argv.slice(2);
process.on('uncaughtException', (error) => fail(`${file}: ${error.stack || error}`));
if (mode === 'events' && file && rest.length === 0) {
  events(file);
} else if (mode === 'header' && file && rest.length === 0) {
  header(file);
} else if (mode === 'offsets' && file && rest.length === 4) {
  const [from, to, step] = whole(rest.slice(1));
  if (step <= 0) {
    fail('STEP must be positive');
  }
  const instants = [];
  for (let t = from; t < to; t += step) {
    instants.push(t);
  }
  process.stdout.write(offsetsAt(file, rest[0], instants));
} else if (mode === 'offsets-at' && file && rest.length >= 1) {
  process.stdout.write(offsetsAt(file, rest[0], whole(rest.slice(1))));
} else {
  fail(
    'usage: node read.mjs events FILE.ics\n' +
    '       node read.mjs header FILE.ics\n' +
    '       node read.mjs offsets FILE.ics TZID FROM TO STEP\n' +
    '       node read.mjs offsets-at FILE.ics TZID T...',
  );
}
