/**
 * Demo data for Lạng Sơn province (code 20): operators, the 65 communes/wards of 2025, ~640 network
 * sites placed inside their former district with their upstreams (power feeders, fibre routes,
 * aggregation nodes: upstreams.ts), technical clusters, responders and a set of demo incidents. `buildDemoProvince` is pure and deterministic: same options, same output. It does no I/O
 * beyond the static import of `./data/lang-son.json` (prepared once by `scripts/prepare-lang-son.py`).
 *
 * Everything here except the administrative units and boundaries is invented for the demo: site
 * codes, names and positions, people, phone numbers and incidents are plausible, not real.
 */
import { type BuildDemoProvinceOptions, type Context, DEFAULT_DEMO_SEED, DEFAULT_DEMO_SITE_COUNT, type DemoProvince, MAX_DEMO_SITE_COUNT, MIN_DEMO_SITE_COUNT } from './types';
import { Random } from './random';
import { DEMO_OPERATORS } from './operators';
import { DATA, Placer } from './places';
import { buildSites, planSlots } from './site-codes';
import { buildClusters, buildResponders } from './people';
import { buildIncidents } from './incident-templates';
import { assignUpstreams } from './upstreams';

// ------------------------------------------------------------------------------------- builder

/**
 * Builds the whole demo province. Pure and deterministic for a given `seed` and `siteCount`.
 * @throws RangeError when siteCount is outside [MIN_DEMO_SITE_COUNT, MAX_DEMO_SITE_COUNT].
 */
export function buildDemoProvince(options: BuildDemoProvinceOptions = {}): DemoProvince {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const siteCount = options.siteCount ?? DEFAULT_DEMO_SITE_COUNT;
  if (!Number.isInteger(siteCount) || siteCount < MIN_DEMO_SITE_COUNT || siteCount > MAX_DEMO_SITE_COUNT) {
    throw new RangeError(`siteCount must be an integer in [${MIN_DEMO_SITE_COUNT}, ${MAX_DEMO_SITE_COUNT}]`);
  }
  const random = new Random(seed);
  const communes = DATA.communes.map((c) => ({ ...c }));
  const districts = DATA.districts.map((d) => ({ ...d }));
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const districtByName = new Map(districts.map((d) => [d.name, d]));
  const seatOf = new Map<string, string>();
  for (const d of districts) if (d.seatCommuneCode) seatOf.set(d.name, d.seatCommuneCode);
  const seats = new Set(seatOf.values());
  const ctx: Context = {
    random,
    communes,
    byCode,
    districts,
    districtOf: (code) => districtByName.get(byCode.get(code)?.formerDistrict ?? ''),
    seatOf,
    weight: (c) => (c.divisionType === 'phường' ? 5 : seats.has(c.code) ? 3 : 1),
  };

  const placer = new Placer(random, DATA.outline, districts);
  const slots = planSlots(ctx, siteCount);
  const sites = buildSites(ctx, placer, slots);
  const clusters = buildClusters(ctx);
  const responders = buildResponders(random, clusters);
  const incidents = buildIncidents(ctx, sites, clusters, responders);
  // Last, so the rest of the province is what it was before sites had upstreams; it reads the storm's sites.
  const sitesWithUpstreams = assignUpstreams(ctx, sites, incidents);

  return {
    seed,
    province: { ...DATA.province },
    provinceOutline: DATA.outline,
    formerDistricts: districts,
    operators: DEMO_OPERATORS.map((o) => ({ ...o })),
    communes,
    sites: sitesWithUpstreams,
    clusters,
    responders,
    incidents,
  };
}
