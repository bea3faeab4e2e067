// The week file read the way the browser tests check the site: without fora, with zone
// arithmetic of our own on top of Intl.DateTimeFormat (the engine's zone database).
import fs from 'node:fs';

/** Minutes of a duration as week files write them: 90, "90", "90m", "2h", "1h30m", "1.5h", "PT1H30M". */
export function minutes(duration) {
  if (typeof duration === 'number') return Math.round(duration);
  if (typeof duration !== 'string') throw new Error(`not a duration: ${JSON.stringify(duration)}`);
  const text = duration.trim().toLowerCase().replace(/^pt/, '');
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text));
  const whole = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?$/.exec(text);
  if (!whole || (whole[1] === undefined && whole[2] === undefined)) {
    throw new Error(`not a duration: ${JSON.stringify(duration)}`);
  }
  return Math.round(Number(whole[1] ?? 0) * 60 + Number(whole[2] ?? 0));
}

const formatters = new Map();
function formatter(zone) {
  if (!formatters.has(zone)) {
    formatters.set(zone, new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    }));
  }
  return formatters.get(zone);
}

/** The wall clock in `zone` at the instant `ms`: {year, month, day, hour, minute, second}. */
export function wallClock(ms, zone) {
  const parts = {};
  for (const { type, value } of formatter(zone).formatToParts(new Date(ms))) parts[type] = Number(value);
  return parts;
}

/** UTC offset of `zone` at the instant `ms`, in minutes. */
export function offsetMinutes(ms, zone) {
  const w = wallClock(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** The instant at which the wall clock in `zone` shows the local time `local` ("2020-06-23T10:00"). */
export function instant(local, zone) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`not a local time: ${JSON.stringify(local)}`);
  const asUtc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  // Guess with the offset at the wall-clock-as-UTC instant, then settle on the offset that
  // holds at the guess (two rounds reach it away from a transition).
  let ms = asUtc;
  for (let round = 0; round < 4; round += 1) {
    const next = asUtc - offsetMinutes(ms, zone) * 60000;
    if (next === ms) break;
    ms = next;
  }
  return ms;
}

const two = (n) => String(n).padStart(2, '0');

/** "HH:MM" in `zone` at `ms`. */
export function hhmm(ms, zone) {
  const w = wallClock(ms, zone);
  return `${two(w.hour)}:${two(w.minute)}`;
}

/** "YYYY-MM-DD" in `zone` at `ms`. */
export function date(ms, zone) {
  const w = wallClock(ms, zone);
  return `${w.year}-${two(w.month)}-${two(w.day)}`;
}

/** "2020-06-23T10:00:00+02:00": the instant as the wall clock in `zone` with its offset. */
export function localIso(ms, zone) {
  const w = wallClock(ms, zone);
  const offset = offsetMinutes(ms, zone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`
    + `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** "2020-06-23T08:00:00Z". */
export function utcIso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The week as the site must show it: {id, timezone, language, fora: [{id, title, start, end,
 * room, url, status}]} for each forum with a start (cancelled ones too: they stay shown),
 * start and end in Unix milliseconds, url the forum's own join link or else its room's.
 */
export function readWeek(file) {
  const week = JSON.parse(fs.readFileSync(file, 'utf8'));
  const rooms = new Map((week.rooms ?? []).map((room) => [room.id, room]));
  const fora = (week.fora ?? [])
    .filter((forum) => forum.start)
    .map((forum) => {
      const start = instant(forum.start, week.timezone);
      return {
        id: forum.id,
        title: forum.title,
        start,
        end: start + minutes(forum.duration) * 60000,
        room: forum.room,
        url: forum.url ?? rooms.get(forum.room)?.url ?? null,
        status: forum.status ?? 'confirmed',
      };
    })
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  return { id: week.id, timezone: week.timezone, language: week.language, fora, rooms: [...rooms.keys()] };
}
