// The programme site in a real browser: Debian's Chromium driven by playwright-core over the
// site served on 127.0.0.1.
//
//   node run.mjs --site DIR --week WEEK.json --fora FORA_BINARY --screenshots OUTDIR [--previous OLD]
//   (OLD: the site DIR was built on with `fora site --previous OLD`; its changes pages are checked too)
//
// Prints one line a check, runs every check, then exits 1 if any failed (2 on bad usage).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { readWeek, instant, minutes, offsetMinutes, hhmm, date, localIso, utcIso } from './week.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
// The zones the issue names, and one far east enough that afternoon fora move to the next day.
const VIEWER_ZONES = ['America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Auckland'];
const SCHEMES = ['light', 'dark'];
const TIMEOUT = 10_000;
const SHOWN = 25; // problems printed a check
// Every page's clock, unless a check sets its own: outside the week, and in a season whose
// offsets differ from the week's (New Zealand summer), so a page that takes the zone's name
// or offset from today instead of from the fora is caught on any day the tests run.
const TODAY = '2026-01-15T12:00:00Z';

const options = parseArgs(process.argv.slice(2));
const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const week = orExit(() => readWeek(options.week), `cannot read the week file ${options.week}`);
const root = orExit(() => fs.realpathSync(options.site), `no site at ${options.site}`);
fs.mkdirSync(options.screenshots, { recursive: true });

function parseArgs(args) {
  const wanted = ['site', 'week', 'fora', 'screenshots'];
  const found = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.replace(/^--/, '');
    if (![...wanted, 'previous'].includes(name) || args[i + 1] === undefined) usage(`unexpected argument ${args[i]}`);
    found[name] = args[i + 1];
  }
  const missing = wanted.filter((name) => !found[name]);
  if (missing.length) usage(`missing ${missing.map((m) => `--${m}`).join(', ')}`);
  return found;
}

function orExit(read, problem) {
  try {
    return read();
  } catch (error) {
    console.error(`${problem}: ${error.message}`);
    process.exit(2);
  }
}

function usage(problem) {
  console.error(`${problem}\nusage: node run.mjs --site DIR --week WEEK.json --fora FORA_BINARY --screenshots OUTDIR [--previous OLD]`);
  process.exit(2);
}

// ---- the server ---------------------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ics': 'text/calendar; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/** The file under the site for a URL path, or null when there is none or it lies outside. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let file = path.resolve(root, `.${decoded}`);
  const inside = (p) => p === root || p.startsWith(root + path.sep);
  if (!inside(file)) return null;
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    file = fs.realpathSync(file); // a symlink must not lead out either
    return inside(file) && fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function serve() {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const file = fileFor(new URL(request.url, 'http://127.0.0.1').pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    const body = fs.readFileSync(file);
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- checks and what every page must not do ----------------------------------------------

const results = [];

/** Runs one check; `body(fail)` calls fail(message) for each problem it finds. */
async function check(name, body) {
  const problems = [];
  let note = '';
  try {
    note = (await body((message) => problems.push(message))) ?? '';
  } catch (error) {
    problems.push(`stopped: ${error.stack ?? error}`);
  }
  results.push({ name, problems });
  if (problems.length === 0) {
    console.log(`ok   ${name}${note ? ` (${note})` : ''}`);
  } else {
    console.log(`FAIL ${name}`);
    for (const problem of problems.slice(0, SHOWN)) console.log(`     - ${problem.replaceAll('\n', '\n       ')}`);
    if (problems.length > SHOWN) console.log(`     … and ${problems.length - SHOWN} more`);
  }
}

// Everything any page did wrong, by page label: reported as one check at the end.
const hygiene = [];
let visits = 0;
let origin;

function isLocal(url) {
  const parsed = new URL(url);
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) {
    return parsed.protocol !== 'blob:' || isLocal(url.slice('blob:'.length));
  }
  return parsed.hostname === '127.0.0.1';
}

/** Records what `page` does wrong under `label`; a page that `navigatesAway` may abort loads. */
function watch(page, label, { navigatesAway = false } = {}) {
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      hygiene.push(`${label}: console error: ${message.text()} (${where.url}:${where.lineNumber})`);
    }
  });
  page.on('pageerror', (error) => hygiene.push(`${label}: page error: ${error.message}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) hygiene.push(`${label}: request to another host: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (isLocal(request.url()) && !(navigatesAway && aborted)) {
      hygiene.push(`${label}: request failed: ${request.url()} (${request.failure()?.errorText})`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) hygiene.push(`${label}: ${response.status()} for ${response.url()}`);
  });
}

let browser;

async function newContext(settings = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...settings });
  // Nothing leaves the machine: a request elsewhere is recorded by watch() and aborted here.
  await context.route((url) => !isLocal(url.href), (route) => route.abort('blockedbyclient'));
  context.setDefaultTimeout(TIMEOUT);
  await context.clock.setFixedTime(new Date(TODAY));
  return context;
}

/** Opens `rel` (a path under the site) in a new page of `context`, watched under `label`. */
async function visit(context, rel, label) {
  const page = await context.newPage();
  watch(page, label);
  visits += 1;
  const response = await page.goto(`${origin}/${rel}`, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${label}: ${response?.status()} for ${rel}`);
  return page;
}

function shotName(rel, suffix) {
  return `${rel.replace(/\.html$/, '').replaceAll('/', '-')}-${suffix}.png`;
}

async function screenshot(page, rel, suffix) {
  await page.screenshot({ path: path.join(options.screenshots, shotName(rel, suffix)), fullPage: true });
}

// ---- the site's pages ----------------------------------------------------------------------

function htmlPages() {
  const pages = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.html')) pages.push(rel);
    }
  };
  walk('');
  return pages.sort();
}

/** The pages axe checks in one language: the day programme, a forum, a room and a speaker. */
function samplePages(language) {
  const first = (dir, preferred) => {
    const names = fs.existsSync(path.join(root, language, dir))
      ? fs.readdirSync(path.join(root, language, dir)).filter((n) => n.endsWith('.html')).sort()
      : [];
    const name = names.includes(preferred) ? preferred : names[0];
    return name ? `${language}/${dir}/${name}` : null;
  };
  const changes = `${language}/changes.html`;
  if (options.previous && !fs.existsSync(path.join(root, changes))) {
    throw new Error(`${changes} is missing, though the site was built with --previous`);
  }
  return [
    `${language}/index.html`,
    first('fora', `${week.fora[0]?.id}.html`),
    first('rooms', `${week.fora[0]?.room}.html`),
    first('speakers', ''),
    options.previous ? changes : null,
  ];
}


// ---- layout --------------------------------------------------------------------------------

async function layout(fail) {
  const need = ['index.html', 'assets/fora.css', 'assets/fora.js', 'favicon.svg', 'week.json'];
  for (const language of ['de', 'en']) {
    need.push(`${language}/index.html`, `${language}/calendar/week.ics`);
    for (const forum of week.fora) {
      need.push(`${language}/fora/${forum.id}.html`, `${language}/calendar/forum-${forum.id}.ics`);
    }
    for (const room of new Set(week.fora.map((forum) => forum.room))) {
      need.push(`${language}/rooms/${room}.html`, `${language}/calendar/room-${room}.ics`);
    }
    for (const day of new Set(week.fora.map((forum) => date(forum.start, week.timezone)))) {
      need.push(`${language}/calendar/day-${day}.ics`);
    }
  }
  for (const rel of need) if (!fileFor(`/${rel}`)) fail(`${rel} is missing`);
  for (const language of ['de', 'en']) {
    const built = fs.readFileSync(path.join(root, language, 'calendar/week.ics'));
    // Built on a site before, the calendar raises what changed as `fora ics --previous` does.
    const previous = options.previous
      ? ['--previous', path.join(options.previous, language, 'calendar/week.ics')]
      : [];
    const expected = fora(['--lang', language, 'ics', options.week, ...previous]);
    const difference = compareBytes(built, expected);
    if (difference) fail(`${language}/calendar/week.ics is not \`fora --lang ${language} ics WEEK\`:\n${difference}`);
  }
  const start = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  for (const target of ['de/index.html', 'en/index.html']) {
    if (!start.includes(`href="${target}"`)) fail(`index.html has no link to ${target}`);
  }
  return `${need.length} files`;
}

/** fora's standard output for `args`, as the site must reproduce it (no SOURCE_DATE_EPOCH). */
function fora(args) {
  const env = { ...process.env };
  delete env.SOURCE_DATE_EPOCH;
  return execFileSync(options.fora, args, { env, maxBuffer: 64 << 20 });
}

/** null when `actual` and `expected` are the same bytes, else the first differing lines. */
function compareBytes(actual, expected) {
  if (Buffer.compare(actual, expected) === 0) return null;
  const a = actual.toString('utf8').split('\n');
  const e = expected.toString('utf8').split('\n');
  let line = 0;
  while (line < a.length && line < e.length && a[line] === e[line]) line += 1;
  const out = [`${actual.length} bytes, expected ${expected.length}; first difference on line ${line + 1}:`];
  for (let i = Math.max(0, line - 2); i < line; i += 1) out.push(`  ${JSON.stringify(e[i])}`);
  for (let i = line; i < Math.min(e.length, line + 4); i += 1) out.push(`- ${JSON.stringify(e[i])}`);
  for (let i = line; i < Math.min(a.length, line + 4); i += 1) out.push(`+ ${JSON.stringify(a[i])}`);
  return out.join('\n');
}

// ---- accessibility ---------------------------------------------------------------------------

/** axe-core's WCAG 2.2 AA violations on the page as it is now, one message each. */
async function axeViolations(page, label) {
  // Evaluated over the DevTools protocol, so a Content-Security-Policy does not stop it.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, TAGS);
  return violations.map((v) => `${label}: axe ${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} node(s):\n`
    + v.nodes.slice(0, 8).map((n) => `  ${n.target}\n    ${(n.summary ?? '').replaceAll('\n', '\n    ')}`).join('\n')
    + (v.nodes.length > 8 ? `\n  … and ${v.nodes.length - 8} more` : ''));
}

async function accessibility(scheme) {
  const context = await newContext({ colorScheme: scheme });
  for (const rel of [...samplePages('de'), ...samplePages('en')].filter(Boolean)) {
    await check(`axe: ${rel}, ${scheme}`, async (fail) => {
      const label = `${rel} (${scheme})`;
      const page = await visit(context, rel, label);
      await screenshot(page, rel, scheme);
      for (const violation of await axeViolations(page, label)) fail(violation);
      await page.close();
    });
  }
  await context.close();
}

/** The programme with the script's tools on: the viewer's zone, a star, only the selection. */
async function accessibilityPressed(scheme) {
  const context = await newContext({ colorScheme: scheme, timezoneId: 'Asia/Kolkata' });
  await check(`axe: de/index.html with zone switch, a star and #only-selection pressed, ${scheme}`, async (fail) => {
    const label = `de/index.html pressed (${scheme}, Asia/Kolkata)`;
    const page = await visit(context, 'de/index.html', label);
    await press(page, '#zone-switch');
    await press(page, starOf(week.fora[0].id));
    await press(page, '#only-selection');
    await screenshot(page, 'de/index.html', `pressed-${scheme}`);
    for (const violation of await axeViolations(page, label)) fail(violation);
    await page.close();
  });
  await context.close();
}

function starOf(id) {
  return `section.day [data-forum="${id}"] button.star`;
}

/** Clicks a toggle button and waits until it says it is pressed. */
async function press(page, selector) {
  const button = page.locator(selector).first();
  await button.click();
  await page.waitForFunction(
    (element) => element.getAttribute('aria-pressed') === 'true',
    await button.elementHandle(),
  ).catch(() => {
    throw new Error(`${selector} is not aria-pressed="true" after a click`);
  });
}

// ---- times -----------------------------------------------------------------------------------

/** What the programme page shows of each forum and row, read from the DOM. */
function shown(page) {
  return page.evaluate(() => {
    const hidden = (element) => element.closest('[hidden]') !== null || getComputedStyle(element).display === 'none';
    const times = (element) => [...(element?.querySelectorAll('time') ?? [])].slice(-2)
      .map((time) => ({ datetime: time.getAttribute('datetime'), text: time.textContent.trim() }));
    return {
      fora: [...document.querySelectorAll('[data-forum]')].map((element) => {
        const when = element.querySelector('.when');
        return {
          id: element.dataset.forum, start: element.dataset.start, end: element.dataset.end,
          times: times(when), zone: when?.querySelector('.zone')?.textContent.trim() ?? null,
          day: element.closest('section.day')?.dataset.date ?? null,
          hidden: hidden(element),
        };
      }),
      rows: [...document.querySelectorAll('section.day tr[data-start]')].map((row) => ({
        start: row.dataset.start, header: row.querySelector('th[scope="row"]')?.textContent.trim() ?? null,
        day: row.closest('section.day').dataset.date,
      })),
      emptyDays: [...document.querySelectorAll('section.day')]
        .filter((day) => !day.querySelector('[data-forum]') && !hidden(day)).map((day) => day.dataset.date),
      headings: [...document.querySelectorAll('section.day')].filter((day) => !hidden(day))
        .map((day) => ({ day: day.dataset.date, text: day.querySelector('h1, h2, h3, h4')?.textContent.trim() ?? null })),
      text: document.body.innerText,
    };
  });
}

/** Weekday, day of the month and month of a date ("2020-06-23") in `language`'s words. */
function dayWords(day, language) {
  const noon = new Date(`${day}T12:00:00Z`);
  const word = (options) => new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(noon);
  return [word({ weekday: 'long' }), String(Number(day.slice(8))), word({ month: 'long' })];
}

function gmt(minutesEast) {
  const abs = Math.abs(minutesEast);
  return `GMT${minutesEast < 0 ? '-' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/** Week's zone label as Intl names it: MESZ in German, CEST in (British) English. */
function zoneLabel(ms, zone, language) {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName').value;
}

/**
 * Checks that every forum on the programme page `label` shows its start and end in `zone`,
 * sits in the day of its start there, and that `strict` (the week's zone) has the exact
 * datetime attributes and zone label of the contract.
 */
async function checkTimes(page, label, zone, language, strict, fail, only = null) {
  const { fora: elements, rows, emptyDays, headings, text } = await shown(page);
  const expected = new Map(week.fora.map((forum) => [forum.id, forum]));
  const inDay = new Set();
  const zones = new Set();
  for (const element of elements) {
    const forum = expected.get(element.id);
    const name = `${label}: [data-forum="${element.id}"]`;
    if (!forum) {
      fail(`${name}: no such scheduled forum in the week file`);
      continue;
    }
    if (element.start !== utcIso(forum.start)) fail(`${name}: data-start ${element.start}, expected ${utcIso(forum.start)}`);
    if (element.end !== utcIso(forum.end)) fail(`${name}: data-end ${element.end}, expected ${utcIso(forum.end)}`);
    if (element.day === null) continue; // e.g. the "now" box: only its data-* are checked
    inDay.add(element.id);
    const day = date(forum.start, zone);
    if (element.day !== day) fail(`${name}: in section.day ${element.day}, expected ${day} (${zone})`);
    if (element.times.length !== 2) {
      fail(`${name}: .when has ${element.times.length} <time> elements, expected 2 at least`);
      continue;
    }
    [forum.start, forum.end].forEach((ms, i) => {
      const { datetime, text } = element.times[i];
      const which = i === 0 ? 'start' : 'end';
      if (text !== hhmm(ms, zone)) fail(`${name}: ${which} shows ${JSON.stringify(text)}, expected ${hhmm(ms, zone)} (${zone})`);
      if (strict && datetime !== localIso(ms, zone)) {
        fail(`${name}: ${which} datetime="${datetime}", expected ${localIso(ms, zone)}`);
      } else if (Date.parse(datetime) !== ms) {
        fail(`${name}: ${which} datetime="${datetime}" is not the instant ${utcIso(ms)}`);
      }
    });
    if (strict) {
      const want = zoneLabel(forum.start, zone, language);
      if (element.zone !== want) fail(`${name}: zone label ${JSON.stringify(element.zone)}, expected ${want}`);
    }
    zones.add(element.zone);
  }
  for (const forum of week.fora.filter((f) => only === null || only.includes(f.id))) {
    if (!inDay.has(forum.id)) fail(`${label}: ${forum.id} is in no section.day`);
  }
  for (const row of rows) {
    const ms = Date.parse(row.start);
    if (Number.isNaN(ms)) continue; // the contract does not say what a row's data-start holds
    if (!row.header?.includes(hhmm(ms, zone))) {
      fail(`${label}: row ${row.start}: header ${JSON.stringify(row.header)}, expected ${hhmm(ms, zone)} (${zone})`);
    }
    if (row.day !== date(ms, zone)) fail(`${label}: row ${row.start} in section.day ${row.day}, expected ${date(ms, zone)}`);
  }
  for (const day of emptyDays) fail(`${label}: section.day ${day} has no forum and is shown`);
  for (const { day, text } of headings) {
    const words = dayWords(day, language);
    if (!words.every((word) => text?.includes(word))) {
      fail(`${label}: section.day ${day} is headed ${JSON.stringify(text)}, which does not say ${words.join(' ')}`);
    }
  }
  // Every "GMT+h" on the page must be an offset the zone has during the week.
  const offsets = new Set(week.fora.flatMap((forum) => [forum.start, forum.end]).map((ms) => offsetMinutes(ms, zone)));
  for (const [token, sign, hours, mins] of new Set(text.matchAll(/GMT([+\-−])(\d{1,2})(?::(\d{2}))?/g))) {
    const minutesEast = (sign === '+' ? 1 : -1) * (Number(hours) * 60 + Number(mins ?? 0));
    if (!offsets.has(minutesEast)) fail(`${label}: the page says ${token}, but ${zone} is at ${[...offsets].map(gmt).join(', ')} during the week`);
  }
  return `${inDay.size} fora, zone label ${[...zones].join('/')}`;
}

async function timesInWeekZone(language) {
  // A viewer in UTC: the programme must still show the week's zone until switched.
  const context = await newContext({ timezoneId: 'UTC' });
  await check(`times: ${language}/index.html in the week's zone ${week.timezone}`, async (fail) => {
    const page = await visit(context, `${language}/index.html`, `${language}/index.html (UTC viewer)`);
    const pressed = await page.locator('#zone-switch').getAttribute('aria-pressed');
    if (pressed !== 'false') fail(`#zone-switch aria-pressed="${pressed}" before any click, expected false`);
    const note = await checkTimes(page, `${language}/index.html`, week.timezone, language, true, fail);
    for (const room of new Set(week.fora.map((forum) => forum.room))) {
      const rel = `${language}/rooms/${room}.html`;
      const ids = week.fora.filter((forum) => forum.room === room).map((forum) => forum.id);
      await checkTimes(await visit(context, rel, `${rel} (UTC viewer)`), rel, week.timezone, language, true, fail, ids);
    }
    return note;
  });
  await context.close();
}

async function timesInViewerZone(language, zone) {
  const context = await newContext({ timezoneId: zone });
  await check(`times: ${language}/index.html switched to ${zone}, again after a reload, and on the room pages`, async (fail) => {
    const label = `${language}/index.html (${zone})`;
    const page = await visit(context, `${language}/index.html`, label);
    await checkTimes(page, `${label} before the switch`, week.timezone, language, true, fail);
    await press(page, '#zone-switch');
    const note = await checkTimes(page, `${label} switched`, zone, language, false, fail);
    await screenshot(page, `${language}/index.html`, zone.replace('/', '-'));
    await page.reload({ waitUntil: 'load' });
    const pressed = await page.locator('#zone-switch').getAttribute('aria-pressed');
    if (pressed !== 'true') fail(`${label}: after a reload #zone-switch aria-pressed="${pressed}", expected true`);
    else await checkTimes(page, `${label} reloaded`, zone, language, false, fail);
    await page.close();
    // The choice holds on every page: a room's page lists its fora by the viewer's days too.
    for (const room of new Set(week.fora.map((forum) => forum.room))) {
      const rel = `${language}/rooms/${room}.html`;
      const roomPage = await visit(context, rel, `${rel} (${zone})`);
      const ids = week.fora.filter((forum) => forum.room === room).map((forum) => forum.id);
      await checkTimes(roomPage, `${rel} (${zone})`, zone, language, false, fail, ids);
      await roomPage.close();
    }
    return note;
  });
  await context.close();
}

// ---- narrow screens ----------------------------------------------------------------------------

async function narrow() {
  const context = await newContext({ viewport: { width: 320, height: 800 } });
  // The root index.html redirects at once: its own check is rootIndex().
  for (const rel of htmlPages().filter((page) => page !== 'index.html')) {
    await check(`320 px: ${rel} does not scroll sideways or squeeze its text`, async (fail) => {
      const page = await visit(context, rel, `${rel} (320 px)`);
      await screenshot(page, rel, '320');
      const { width, widest, squeezed } = await page.evaluate(() => {
        let best = null;
        for (const element of document.body.querySelectorAll('*')) {
          // Content that overflows its box (a long word) reaches past the box's right edge.
          const box = element.getBoundingClientRect();
          const right = box.left + window.scrollX + Math.max(box.width, element.scrollWidth);
          if (!best || right > best.right || (right === best.right && best.element.contains(element))) {
            const classes = [...element.classList].map((c) => `.${c}`).join('');
            best = {
              element, right: Math.round(right),
              name: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes}`,
              text: (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
            };
          }
        }
        // Text squeezed into a column a letter or two wide (it fits, but nobody can read it).
        const squeezed = [];
        // A screen reader's text, clipped to a pixel on purpose ("visually hidden").
        const clipped = (element) => {
          for (let e = element; e; e = e.parentElement) {
            const box = e.getBoundingClientRect();
            if (/hidden|clip/.test(getComputedStyle(e).overflow) && (box.width <= 2 || box.height <= 2)) return true;
          }
          return false;
        };
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent.trim();
          if (text.length < 6) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
          if (lines >= 4 && text.length / lines < 3 && !clipped(node.parentElement)) {
            const parent = node.parentElement;
            squeezed.push(`${parent.tagName.toLowerCase()}${[...parent.classList].map((c) => `.${c}`).join('')} ${JSON.stringify(text)} on ${lines} lines, ${Math.round(parent.getBoundingClientRect().width)} px wide`);
          }
        }
        return { width: document.documentElement.scrollWidth, widest: best && { ...best, element: undefined }, squeezed };
      });
      if (width > 320) {
        fail(`${rel}: scrollWidth ${width} > 320; the widest element is ${widest.name} (right edge ${widest.right} px): ${JSON.stringify(widest.text)}`);
      }
      for (const text of squeezed) fail(`${rel}: text squeezed into a narrow column: ${text}`);
      await page.close();
    });
  }
  await context.close();
}

// ---- the selection -------------------------------------------------------------------------------

/** Ids of the fora whose star on the programme is pressed. */
function starred(page) {
  return page.$$eval('section.day [data-forum] button.star[aria-pressed="true"]',
    (buttons) => [...new Set(buttons.map((b) => b.closest('[data-forum]').dataset.forum))].sort());
}

function fragmentIds(url) {
  const match = /#selection=([^&]*)/.exec(url);
  return match ? decodeURIComponent(match[1]).split(',').filter(Boolean).sort() : null;
}

async function selection(language, ids) {
  const context = await newContext();
  await check(`selection: ${language}/index.html stars ${ids.join(', ')}, keeps them over a reload, downloads \`fora --lang ${language} ics --only\``, async (fail) => {
    const label = `${language}/index.html (selection)`;
    const page = await visit(context, `${language}/index.html`, label);
    for (const id of ids) await press(page, starOf(id));
    await page.reload({ waitUntil: 'load' });
    const kept = await starred(page);
    if (kept.join() !== [...ids].sort().join()) fail(`${label}: after a reload the pressed stars are [${kept}], expected [${ids}]`);
    const inUrl = fragmentIds(page.url());
    if (inUrl?.join() !== [...ids].sort().join()) fail(`${label}: the URL ${page.url()} does not name exactly ${ids} in #selection=`);
    const stored = await page.evaluate((key) => localStorage.getItem(key), `fora:${week.id}:selection`);
    for (const id of ids) {
      if (!stored?.includes(id)) fail(`${label}: localStorage fora:${week.id}:selection is ${JSON.stringify(stored)}, without ${id}`);
    }
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-selection-ics]').first().click()]);
    const name = download.suggestedFilename();
    if (!name.endsWith('.ics')) fail(`${label}: the download is named ${JSON.stringify(name)}, not *.ics`);
    const bytes = fs.readFileSync(await download.path());
    fs.writeFileSync(path.join(options.screenshots, `${language}-selection.ics`), bytes);
    const ordered = week.fora.map((forum) => forum.id).filter((id) => ids.includes(id));
    const difference = compareBytes(bytes, fora(['--lang', language, 'ics', options.week, '--only', ordered.join(',')]));
    if (difference) fail(`${label}: the download ${name} is not \`fora --lang ${language} ics WEEK --only ${ordered}\`:\n${difference}`);
    await page.close();
    return name;
  });
  await context.close();
}

async function selectionFromFragment(id) {
  const context = await newContext();
  await check(`selection: de/index.html#selection=${id} in a fresh browser presses exactly that star`, async (fail) => {
    const page = await visit(context, `de/index.html#selection=${id}`, 'de/index.html#selection (fresh)');
    await page.locator(`${starOf(id)}[aria-pressed="true"]`).first().waitFor({ state: 'attached' })
      .catch(() => fail(`de/index.html#selection=${id}: the star of ${id} is not pressed`));
    const pressed = await starred(page);
    if (pressed.join() !== id) fail(`de/index.html#selection=${id}: the pressed stars are [${pressed}], expected [${id}]`);
    await page.close();
  });
  await context.close();
}

// ---- "now" -------------------------------------------------------------------------------------

async function now(at, expectations) {
  const context = await newContext();
  await check(`now: de/index.html at ${at}`, async (fail) => {
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(at));
    watch(page, `de/index.html (clock ${at})`);
    await page.goto(`${origin}/de/index.html`, { waitUntil: 'load' });
    const classes = await page.$$eval('section.day [data-forum]', (elements) => elements.map((element) => ({
      id: element.dataset.forum, now: element.classList.contains('now'), next: element.classList.contains('next'),
    })));
    for (const kind of ['now', 'next']) {
      const have = [...new Set(classes.filter((c) => c[kind]).map((c) => c.id))].sort().join(', ') || 'none';
      const want = expectations[kind]?.id ?? 'none';
      if (have !== want) fail(`de/index.html at ${at}: class ${kind} on ${have}, expected ${want}`);
    }
    const box = page.locator('#now');
    const visible = await box.isVisible();
    const shownForum = expectations.now ?? expectations.next;
    if (visible !== Boolean(shownForum)) fail(`de/index.html at ${at}: #now is ${visible ? 'visible' : 'hidden'}`);
    if (shownForum) {
      const text = await box.textContent();
      if (!text.includes(shownForum.title)) fail(`de/index.html at ${at}: #now does not name ${JSON.stringify(shownForum.title)}: ${JSON.stringify(text.trim())}`);
      // The running forum's join link; the next one's is not due yet.
      const running = expectations.now;
      if (running?.url && await box.locator(`a[href="${running.url}"]`).count() === 0) {
        fail(`de/index.html at ${at}: #now has no link to ${running.url}, the join link of ${running.id}`);
      }
      await screenshot(page, 'de/index.html', `now-${at.slice(11, 16).replace(':', '')}`);
    }
    await page.close();
  });
  await context.close();
}

// ---- without JavaScript --------------------------------------------------------------------------

async function withoutScript() {
  const context = await newContext({ javaScriptEnabled: false });
  await check('without JavaScript: de/index.html hides the stars and the tools', async (fail) => {
    const page = await visit(context, 'de/index.html', 'de/index.html (no JavaScript)');
    for (const selector of ['button.star', '#zone-switch', '#only-selection', 'a[data-selection-ics]']) {
      const visible = await page.locator(selector).evaluateAll((elements) => elements.filter((e) => e.checkVisibility()).length);
      if (visible) fail(`de/index.html without JavaScript: ${visible} visible ${selector}`);
    }
    await screenshot(page, 'de/index.html', 'noscript');
    await page.close();
  });
  await context.close();
}

async function rootIndex() {
  const context = await newContext();
  await check(`index.html: moves on to ${week.language}/index.html, the week's language`, async (fail) => {
    const page = await context.newPage();
    watch(page, 'index.html (and where it leads)', { navigatesAway: true });
    visits += 1;
    await page.goto(`${origin}/index.html`, { waitUntil: 'commit' });
    await page.waitForURL(`${origin}/${week.language}/index.html`)
      .catch(() => fail(`index.html: stayed at ${page.url()}, expected ${week.language}/index.html`));
    await page.close();
  });
  await context.close();
}

/** Status and content type the server answers a raw request path with. */
function get(rawPath) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: new URL(origin).port, path: rawPath }, (response) => {
      response.resume();
      resolve({ status: response.statusCode, type: response.headers['content-type'] });
    }).on('error', reject);
  });
}

async function serving(fail) {
  const answers = [
    ['/de/index.html', 200, 'text/html; charset=utf-8'],
    ['/de/calendar/week.ics', 200, 'text/calendar; charset=utf-8'],
    ['/assets/fora.css', 200, 'text/css; charset=utf-8'],
    ['/assets/fora.js', 200, 'text/javascript; charset=utf-8'],
    ['/favicon.svg', 200, 'image/svg+xml'],
    ['/de/no-such-page.html', 404],
    ['/../../../../etc/passwd', 404],
    ['/..%2f..%2f..%2f..%2fetc%2fpasswd', 404],
    ['/%E0%A4%A', 404],
  ];
  for (const [rawPath, status, type] of answers) {
    const answer = await get(rawPath);
    if (answer.status !== status || (type && answer.type !== type)) {
      fail(`GET ${rawPath}: ${answer.status} ${answer.type}, expected ${status} ${type ?? ''}`);
    }
  }
}

// Our zone arithmetic against facts known without it, so a wrong oracle cannot pass a wrong site.
async function oracle(fail) {
  const facts = [
    ['2020-06-23T10:00', 'Europe/Berlin', '2020-06-23T08:00:00Z'],
    ['2020-01-15T10:00', 'Europe/Berlin', '2020-01-15T09:00:00Z'],
    ['2020-03-29T03:30', 'Europe/Berlin', '2020-03-29T01:30:00Z'],
    ['2020-06-23T05:00', 'America/Sao_Paulo', '2020-06-23T08:00:00Z'],
    ['2020-06-23T13:30', 'Asia/Kolkata', '2020-06-23T08:00:00Z'],
    ['2020-06-24T00:00', 'Pacific/Auckland', '2020-06-23T12:00:00Z'],
  ];
  for (const [local, zone, utc] of facts) {
    const got = utcIso(instant(local, zone));
    if (got !== utc) fail(`${local} in ${zone} is ${utc}, the oracle says ${got}`);
    const back = localIso(Date.parse(utc), zone).slice(0, 16);
    if (back !== local) fail(`${utc} in ${zone} is ${local}, the oracle says ${back}`);
  }
  const durations = [[90, 90], ['90', 90], ['60m', 60], ['1h30m', 90], ['1.5h', 90], ['PT1H', 60], ['PT1H30M', 90], ['2h', 120]];
  for (const [text, want] of durations) {
    if (minutes(text) !== want) fail(`${JSON.stringify(text)} is ${want} minutes, the oracle says ${minutes(text)}`);
  }
}

// ---- the run -------------------------------------------------------------------------------------

async function main() {
  const server = await serve();
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.FORA_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
  });
  console.log(`Chromium ${browser.version()} over ${root} at ${origin}; ${week.fora.length} scheduled fora in ${week.timezone}`);
  try {
    await check('oracle: the tests\' own zone arithmetic and durations', oracle);
    await check('server: content types, 404 for what is missing or outside the site', serving);
    await rootIndex();
    await check('layout: the files of the contract, calendar/week.ics as fora writes it', layout);
    for (const scheme of SCHEMES) await accessibility(scheme);
    for (const scheme of SCHEMES) await accessibilityPressed(scheme);
    for (const language of ['de', 'en']) {
      await timesInWeekZone(language);
      for (const zone of VIEWER_ZONES) await timesInViewerZone(language, zone);
    }
    await narrow();
    const [first, second, third] = [week.fora[0], week.fora[week.fora.length - 1], week.fora[Math.floor(week.fora.length / 2)]];
    await selection('de', [first.id, second.id]);
    await selection('en', [third.id, second.id]);
    await selectionFromFragment(third.id);
    const byId = new Map(week.fora.map((forum) => [forum.id, forum]));
    const [opening, forum] = [byId.get('eroeffnung'), byId.get('fachforum-kommunale-engagementfoerderung')];
    if (opening && forum) { // the 2020 week's first two fora, at times the issue names
      await now('2020-06-23T10:30:00+02:00', { now: opening, next: forum });
      await now('2020-06-23T11:10:00+02:00', { next: forum });
      await now('2020-07-01T12:00:00+02:00', {});
    }
    await withoutScript();
    await check(`every page visited (${visits}): no console error, page error, failed request or request elsewhere`, async (fail) => {
      for (const problem of hygiene) fail(problem);
    });
  } finally {
    await browser.close();
    server.close();
  }
  const failed = results.filter((result) => result.problems.length > 0);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed; screenshots in ${options.screenshots}`);
  for (const result of failed) console.log(`failed: ${result.name}`);
  process.exit(failed.length ? 1 : 0);
}

await main();
