// A Yagi-shaped alarm storm as a recorded sequence of TMF642 alarm bodies: a feeder failure that takes
// its sites off mains (mains failure, then "system on batteries", then — for some — loss of signal when
// the batteries run out), a fibre cut on one route (loss of signal only), noise (door open, high
// temperature) on random sites, a few flapping sites, and the restoration (every alarm cleared).
// Pure and deterministic (seeded): the storm bench and the demo replay the same shape.

/** A small seeded generator (mulberry32), so a scenario is the same on every run. */
export function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function alarmBody(sourceSystemId, externalAlarmId, siteCode, at, probableCause, specificProblem, perceivedSeverity = 'major', state = 'raised') {
  return {
    externalAlarmId,
    sourceSystemId,
    alarmType: probableCause === 'lossOfSignal' ? 'communicationsAlarm' : 'environmentalAlarm',
    perceivedSeverity: state === 'cleared' ? 'cleared' : perceivedSeverity,
    probableCause,
    // TMF642's specificProblem is a string when present: a clear that names none leaves it out.
    ...(specificProblem ? { specificProblem } : {}),
    state,
    alarmRaisedTime: at.toISOString(),
    ...(state === 'cleared' ? { alarmClearedTime: at.toISOString(), alarmChangedTime: at.toISOString() } : { alarmChangedTime: at.toISOString() }),
    alarmedObject: { id: siteCode, '@referredType': 'Site' },
    '@type': 'Alarm',
  };
}

/**
 * @param {object} input
 * @param {{ code: string, operatorCode: string, powerFeeder: string | null, transmissionRoute: string | null }[]} input.sites
 * @param {Record<string, string>} input.sourceOf  operator code → its NMS's sourceSystemId
 * @param {Date} input.start
 * @param {object} [options]
 * @returns {{ offsetMs: number, body: object }[]} in the order to send them
 */
export function stormScenario({ sites, sourceOf, start }, options = {}) {
  const {
    seed = 2024,
    feeders = 1,
    stormSeconds = 20,
    fibreCuts = 1,
    noise = 200,
    flapping = 5,
    flapCycles = 4,
    offAirShare = 0.3,
    restore = false,
    restoreAfterSeconds = 60,
    minimumSites = 3,
  } = options;
  const random = seeded(seed);
  const events = [];
  const at = (offsetMs) => new Date(start.getTime() + offsetMs);
  const push = (offsetMs, site, id, cause, problem, severity, state) =>
    events.push({ offsetMs, body: alarmBody(sourceOf[site.operatorCode], id, site.code, at(offsetMs), cause, problem, severity, state) });
  const withSource = sites.filter((site) => sourceOf[site.operatorCode]);

  // The largest feeders fail: every site they feed loses mains within the storm's seconds.
  const byFeeder = new Map();
  for (const site of withSource) if (site.powerFeeder) byFeeder.set(site.powerFeeder, [...(byFeeder.get(site.powerFeeder) ?? []), site]);
  const failedFeeders = [...byFeeder.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, feeders);
  const down = new Set();
  const raised = [];
  for (const [feeder, fed] of failedFeeders) {
    for (const site of fed) {
      down.add(site.code);
      const t = Math.floor(random() * stormSeconds * 1000);
      const id = (kind) => `${feeder}/${site.code}/${kind}`;
      push(t, site, id('mains'), 'powerProblem', 'AC mains failure', 'major');
      push(t + 500 + Math.floor(random() * 1500), site, id('batteries'), 'powerProblem', 'System on batteries', 'major');
      raised.push([site, id('mains'), 'powerProblem'], [site, id('batteries'), 'powerProblem']);
      // Some run their batteries flat before the storm ends: their links drop after the power alarm.
      if (random() < offAirShare) {
        push(t + 5000 + Math.floor(random() * 5000), site, id('los'), 'lossOfSignal', 'LOS on uplink', 'critical');
        raised.push([site, id('los'), 'lossOfSignal']);
      }
    }
  }

  // A fibre cut: the busiest route not already dark loses signal, with no power alarm before it.
  const byRoute = new Map();
  for (const site of withSource) if (site.transmissionRoute && !down.has(site.code)) byRoute.set(site.transmissionRoute, [...(byRoute.get(site.transmissionRoute) ?? []), site]);
  const cutRoutes = [...byRoute.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, fibreCuts);
  for (const [route, carried] of cutRoutes) {
    const t = Math.floor(random() * stormSeconds * 1000);
    for (const site of carried) {
      down.add(site.code);
      const id = `${route}/${site.code}/los`;
      push(t + Math.floor(random() * 2000), site, id, 'lossOfSignal', 'LOS on fibre uplink', 'critical');
      raised.push([site, id, 'lossOfSignal']);
    }
  }

  // Noise: door-open and temperature alarms on sites that are otherwise fine.
  const quiet = withSource.filter((site) => !down.has(site.code));
  for (let index = 0; index < noise && quiet.length > 0; index++) {
    const site = quiet[Math.floor(random() * quiet.length)];
    const [cause, problem, severity] = random() < 0.5 ? ['enclosureDoorOpen', 'Cabinet door open', 'minor'] : ['temperatureUnacceptable', 'High temperature', 'warning'];
    push(Math.floor(random() * stormSeconds * 1000), site, `noise/${index}/${site.code}`, cause, problem, severity);
  }

  // Flapping: a few sites raise and clear the same alarm over and over.
  // Each on a feeder of its own: a flapping rectifier is a local fault, not a sign of its upstream.
  const flappers = [];
  for (let index = 0; flappers.length < flapping && index < quiet.length; index++) {
    const site = quiet[(index * 7919) % quiet.length];
    if (!flappers.some((other) => other.powerFeeder === site.powerFeeder && site.powerFeeder)) flappers.push(site);
  }
  for (const site of flappers) {
    const id = `flap/${site.code}`;
    for (let cycle = 0; cycle < flapCycles; cycle++) {
      const t = Math.floor((cycle * stormSeconds * 1000) / flapCycles);
      push(t, site, id, 'powerProblem', 'Rectifier fault', 'minor', 'raised');
      push(t + 1000, site, id, 'powerProblem', 'Rectifier fault', 'minor', 'cleared');
    }
  }

  // Restoration: every storm alarm clears, feeder by feeder.
  if (restore) {
    for (const [site, id, cause] of raised) push(restoreAfterSeconds * 1000 + Math.floor(random() * 20_000), site, id, cause, null, 'cleared', 'cleared');
  }

  events.sort((a, b) => a.offsetMs - b.offsetMs);
  return {
    events,
    expected: {
      // Correlation is per operator, and a group needs minimumSites sites to open a parent.
      parents: [...failedFeeders, ...cutRoutes]
        .flatMap(([key, group]) => [...new Set(group.map((site) => site.operatorCode))].map((operator) => [key, group.filter((site) => site.operatorCode === operator).length]))
        .filter(([, count]) => count >= minimumSites).length,
      // The same, named: [kind, key, operator] of each parent correlation should open.
      groups: [...failedFeeders.map((entry) => ['power_feeder', ...entry]), ...cutRoutes.map((entry) => ['transmission_route', ...entry])].flatMap(([kind, key, group]) =>
        [...new Set(group.map((site) => site.operatorCode))]
          .filter((operator) => group.filter((site) => site.operatorCode === operator).length >= minimumSites)
          .map((operator) => ({ kind, key, operator })),
      ),
      feeders: failedFeeders.map(([feeder, fed]) => ({ feeder, sites: fed.length })),
      routes: cutRoutes.map(([route, carried]) => ({ route, sites: carried.length })),
    },
  };
}
