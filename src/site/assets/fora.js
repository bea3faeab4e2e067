// The programme site's script. Every page reads without it; it only adds the star (a
// selection kept in this browser and in the address), the switch to the viewer's own time
// zone, and what runs now. It asks no server anything: every calendar it offers is joined
// from pieces the page embeds, written by fora itself.
(() => {
  'use strict';

  const data = JSON.parse(document.getElementById('fora-data').textContent);
  const words = data.words;
  const locale = data.language === 'de' ? 'de-DE' : 'en-GB';
  const selectionKey = `fora:${data.week}:selection`;
  const zoneKey = 'fora:zone';
  const store = {
    get(key) {
      try { return localStorage.getItem(key); } catch { return null; }
    },
    set(key, value) {
      try { localStorage.setItem(key, value); } catch { /* private mode: kept for this page */ }
    },
  };
  const programme = document.getElementById('tools');
  const forumElements = () => document.querySelectorAll('[data-forum]');

  // The selection: from the address when it names one, else from this browser.
  const fromAddress = () => {
    const found = /(?:^#|&)selection=([^&]*)/.exec(location.hash);
    return found ? decodeURIComponent(found[1]).split(',').filter(Boolean) : null;
  };
  let picked = new Set();
  const named = fromAddress();
  if (named) {
    picked = new Set(named);
    store.set(selectionKey, JSON.stringify([...picked].sort()));
  } else {
    try { picked = new Set(JSON.parse(store.get(selectionKey) || '[]')); } catch { picked = new Set(); }
  }
  const fragment = () => `#selection=${[...picked].sort().join(',')}`;
  const save = () => {
    store.set(selectionKey, JSON.stringify([...picked].sort()));
    if (programme) {
      const address = picked.size ? fragment() : location.pathname + location.search;
      history.replaceState(null, '', address);
    }
  };

  const download = document.querySelector('[data-selection-ics]');
  const share = document.getElementById('share');
  const showStars = () => {
    for (const element of forumElements()) {
      const starred = picked.has(element.dataset.forum);
      element.classList.toggle('starred', starred);
      const star = element.querySelector('.star');
      if (star) star.setAttribute('aria-pressed', String(starred));
    }
    for (const row of document.querySelectorAll('tr[data-start]')) {
      row.classList.toggle('unstarred', !row.querySelector('[data-forum].starred'));
    }
    if (download) download.setAttribute('aria-disabled', String(picked.size === 0));
    if (share) share.href = fragment();
  };
  for (const star of document.querySelectorAll('[data-forum] .star')) {
    const id = star.closest('[data-forum]').dataset.forum;
    star.hidden = false;
    star.addEventListener('click', () => {
      if (picked.has(id)) picked.delete(id); else picked.add(id);
      save();
      showStars();
    });
  }

  // The selection as a calendar: exactly what `fora ics --only` writes of it.
  const pieces = document.getElementById('fora-calendar');
  if (download && pieces) {
    const calendar = JSON.parse(pieces.textContent);
    download.addEventListener('click', (event) => {
      const chosen = calendar.events.filter((e) => picked.has(e.id));
      if (chosen.length === 0) {
        event.preventDefault();
        return;
      }
      const first = Math.min(...chosen.map((e) => e.years[0]));
      const last = Math.max(...chosen.map((e) => e.years[1]));
      const text = calendar.header + calendar.zones[`${first}-${last}`]
        + chosen.map((e) => e.text).join('') + calendar.end;
      const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
      download.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    });
  }

  const only = document.getElementById('only-selection');
  if (only) {
    only.addEventListener('click', () => {
      const on = only.getAttribute('aria-pressed') !== 'true';
      only.setAttribute('aria-pressed', String(on));
      document.body.classList.toggle('only-selection', on);
    });
  }
  if (programme) programme.hidden = false;

  // Times in the viewer's own zone, as Intl knows it.
  const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const clock = new Intl.DateTimeFormat(locale, {
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: viewerZone,
  });
  const dayOf = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric', month: '2-digit', day: '2-digit', timeZone: viewerZone,
  });
  const heading = new Intl.DateTimeFormat(locale, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: viewerZone,
  });
  // A date (YYYY-MM-DD) as a heading: read at noon UTC, so written in UTC.
  const dateHeading = new Intl.DateTimeFormat(locale, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC',
  });
  // Made once: a formatter is costly to make, and every time on the page asks two.
  const shortZone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone: viewerZone });
  const longOffset = new Intl.DateTimeFormat(locale, { timeZoneName: 'longOffset', timeZone: viewerZone });
  const zonePart = (format, at) => format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const zoneName = (at) => zonePart(shortZone, at);
  const offset = (at) => {
    const text = zonePart(longOffset, at).replace('GMT', '');
    return text === '' ? '+00:00' : text;
  };
  const iso = (at) => `${dayOf.format(at)}T${clock.format(at)}:00${offset(at)}`;
  const time = (at, text) => {
    const element = document.createElement('time');
    element.dateTime = iso(at);
    element.textContent = text;
    return element;
  };
  const hidden = (text) => {
    const span = document.createElement('span');
    span.className = 'visually-hidden';
    span.textContent = text;
    return span;
  };
  const zoneLabel = (text) => {
    const span = document.createElement('span');
    span.className = 'zone';
    span.textContent = text;
    return span;
  };

  const original = new Map();
  const keep = (element) => { if (!original.has(element)) original.set(element, element.innerHTML); };
  const restore = () => { for (const [element, html] of original) element.innerHTML = html; };

  const rewrite = () => {
    for (const element of forumElements()) {
      const when = element.querySelector('.when');
      if (!when) continue;
      keep(when);
      const start = new Date(element.dataset.start);
      const end = new Date(element.dataset.end);
      const dated = when.querySelectorAll('time').length > 2;
      const parts = [];
      if (dated) parts.push(time(start, heading.format(start)), ', ');
      parts.push(time(start, clock.format(start)));
      const [startZone, endZone] = [zoneName(start), zoneName(end)];
      if (startZone !== endZone) parts.push(' ', zoneLabel(startZone));
      parts.push('–', time(end, clock.format(end)));
      const days = Math.round((Date.parse(`${dayOf.format(end)}T00:00Z`) - Date.parse(`${dayOf.format(start)}T00:00Z`)) / 86400000);
      if (days > 0) parts.push(` (+${days})`);
      parts.push(' ', zoneLabel(endZone));
      when.replaceChildren(...parts);
    }
    for (const row of document.querySelectorAll('tr[data-start]')) {
      const cell = row.querySelector('th');
      keep(cell);
      const start = new Date(row.dataset.start);
      cell.replaceChildren(time(start, clock.format(start)), ' ', zoneLabel(zoneName(start)));
    }
    const note = document.getElementById('zone-note');
    if (note) {
      keep(note);
      // The zone's names during the week (two when the clocks change), not today's.
      const names = new Set([...forumElements()].map((e) => zoneName(new Date(e.dataset.start))));
      note.textContent = `${words.zone_viewer} ${[...names].join(' / ')} (${viewerZone}).`;
    }
    // A day's total counts the fora of its day in the week's zone: in another zone the
    // caption only names the day, for screen readers, as the heading above it does.
    for (const caption of document.querySelectorAll('section.day caption')) {
      keep(caption);
      caption.replaceChildren(hidden(caption.closest('section.day').querySelector('h2').textContent));
    }
  };

  // A day's rows (of the programme's table, or of a room's or speaker's list) move to the
  // day they start on in the viewer's zone.
  const rows = [...document.querySelectorAll('section.day .day-items > [data-start]')];
  const home = new Map(rows.map((row) => [row, row.parentElement]));
  const template = document.querySelector('section.day .day-items')?.closest('section.day');
  const bodyFor = (date) => {
    const found = document.querySelector(`section.day[data-date="${date}"] .day-items`);
    if (found) return found;
    const section = template.cloneNode(true);
    section.dataset.made = 'true';
    section.dataset.date = date;
    section.id = `day-${date}-viewer`;
    for (const extra of section.querySelectorAll('.day-items > *, .calendar, p.empty')) extra.remove();
    const title = section.querySelector('h2');
    title.id = `h-${date}-viewer`;
    title.textContent = dateHeading.format(new Date(`${date}T12:00:00Z`));
    section.setAttribute('aria-labelledby', title.id);
    section.querySelector('caption')?.replaceChildren(hidden(title.textContent));
    const days = [...document.querySelectorAll('section.day')];
    const later = days.find((s) => s.dataset.date > date);
    if (later) later.before(section); else days[days.length - 1].after(section);
    return section.querySelector('.day-items');
  };
  const regroup = (viewer) => {
    for (const row of rows) {
      const body = viewer ? bodyFor(dayOf.format(new Date(row.dataset.start))) : home.get(row);
      body.appendChild(row);
    }
    for (const section of document.querySelectorAll('section.day')) {
      const made = section.dataset.made === 'true';
      section.hidden = viewer ? !section.querySelector('.day-items > [data-start]') : made;
    }
  };

  let viewer = store.get(zoneKey) === 'viewer';
  const zoneSwitch = document.getElementById('zone-switch');
  const showZone = () => {
    restore();
    if (viewer) rewrite();
    if (template) regroup(viewer);
    if (zoneSwitch) zoneSwitch.setAttribute('aria-pressed', String(viewer));
  };
  if (zoneSwitch) {
    zoneSwitch.addEventListener('click', () => {
      viewer = !viewer;
      store.set(zoneKey, viewer ? 'viewer' : 'week');
      showZone();
      markNow();
    });
  }

  // What runs now and what comes next, while the week is on.
  const nowBox = document.getElementById('now');
  const line = (label, element, join) => {
    const p = document.createElement('p');
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = label;
    const link = document.createElement('a');
    const title = element.querySelector('h3 a, h1');
    link.href = title?.getAttribute('href') ?? '#';
    link.textContent = title?.textContent ?? element.dataset.forum;
    p.append(badge, ' ', link);
    if (join && element.dataset.join) {
      const go = document.createElement('a');
      go.className = 'join';
      go.href = element.dataset.join;
      go.textContent = words.join;
      p.append(' · ', go);
    }
    return p;
  };
  function markNow() {
    const now = Date.now();
    const fora = [...forumElements()].filter((e) => !e.classList.contains('cancelled'));
    const starts = fora.map((e) => Date.parse(e.dataset.start));
    const ends = fora.map((e) => Date.parse(e.dataset.end));
    const during = fora.length > 0 && now >= Math.min(...starts) - 12 * 3600000 && now < Math.max(...ends);
    const running = during ? fora.filter((e, i) => starts[i] <= now && now < ends[i]) : [];
    const upcoming = during ? fora.map((e, i) => [e, starts[i]]).filter(([, s]) => s > now) : [];
    const soonest = Math.min(...upcoming.map(([, s]) => s));
    const next = upcoming.filter(([, s]) => s === soonest).map(([e]) => e);
    for (const element of forumElements()) {
      element.classList.toggle('now', running.includes(element));
      element.classList.toggle('next', next.includes(element));
    }
    if (nowBox) {
      nowBox.replaceChildren(
        ...running.map((e) => line(words.now, e, true)),
        ...next.map((e) => line(words.next, e, false)),
      );
      nowBox.hidden = running.length + next.length === 0;
    }
  }

  for (const button of document.querySelectorAll('button.copy')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const said = button.parentElement.querySelector('.copied');
      try {
        await navigator.clipboard.writeText(button.dataset.copy);
        if (said) said.textContent = words.copied;
      } catch {
        const code = button.parentElement.querySelector('code');
        if (code) window.getSelection().selectAllChildren(code);
      }
    });
  }

  showStars();
  showZone();
  markNow();
  setInterval(markNow, 60000);
})();
