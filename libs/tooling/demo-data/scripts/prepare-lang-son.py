#!/usr/bin/env python3
"""One-off preparation of libs/tooling/demo-data/src/lib/data/lang-son.json.

Not used at run time. Reads the reference data set (vn-admin-units-2025.json,
lang-son-units-pre2025.json, lang-son-boundaries.geojson) from the directory given as the first
argument and writes the compact seed file next to demo-province.ts:

    python3 libs/tooling/demo-data/scripts/prepare-lang-son.py /path/to/shared/data

Former district of each 2025 unit:
  * the 4 wards → Thành phố Lạng Sơn (the provincial capital, by decision of the seed's brief);
  * otherwise the unit's name (prefix Xã/Phường/Thị trấn stripped, diacritics folded) is matched
    against the 194 pre-2025 communes; when several districts hold that name, or none does, the
    NSO code decides: every 2025 code in Lạng Sơn is the code of one of its predecessor communes,
    and the pre-2025 codes are numbered in contiguous blocks per district.
Polygons are simplified with Douglas-Peucker (tolerance searched per ring for a target point count,
rejecting simplifications that self-intersect) and rounded to 4 decimals (~11 m).
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

SRC = Path(sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data')
OUT = Path(__file__).resolve().parent.parent / 'src' / 'lib' / 'data' / 'lang-son.json'
DISTRICT_TARGET = 110  # points per former district (whole MultiPolygon)
PROVINCE_TARGET = 260
DECIMALS = 4


def fold(name: str) -> str:
    s = re.sub(r'^(xã|phường|thị trấn)\s+', '', name.strip(), flags=re.I)
    s = s.replace('đ', 'd').replace('Đ', 'D')
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    return re.sub(r'\s+', ' ', s).lower().strip()


# ---------------------------------------------------------------- geometry
def perp(p, a, b, kx):
    ax, ay = a[0] * kx, a[1]
    bx, by = b[0] * kx, b[1]
    px, py = p[0] * kx, p[1]
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def dp(points, eps, kx):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, idx = -1.0, -1
        for k in range(i + 1, j):
            d = perp(points[k], points[i], points[j], kx)
            if d > best:
                best, idx = d, k
        if idx >= 0 and best > eps:
            keep[idx] = True
            stack.append((i, idx))
            stack.append((idx, j))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring, eps, kx):
    pts = ring[:-1]
    # split the closed ring at the point farthest from the first one
    far = max(range(len(pts)), key=lambda k: (pts[k][0] - pts[0][0]) ** 2 + (pts[k][1] - pts[0][1]) ** 2)
    a = dp(pts[: far + 1], eps, kx)
    b = dp(pts[far:] + [pts[0]], eps, kx)
    out = a[:-1] + b[:-1]
    out = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in out]
    dedup = [p for i, p in enumerate(out) if i == 0 or p != out[i - 1]]
    return dedup + [dedup[0]]


def seg_cross(p1, p2, p3, p4):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 0) - (v < 0)
    o1, o2, o3, o4 = orient(p1, p2, p3), orient(p1, p2, p4), orient(p3, p4, p1), orient(p3, p4, p2)
    return o1 * o2 < 0 and o3 * o4 < 0


def self_intersects(ring):
    n = len(ring) - 1
    for i in range(n):
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue
            if seg_cross(ring[i], ring[i + 1], ring[j], ring[j + 1]):
                return True
    return False


def area(ring):
    return abs(sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2)


def simplify_multipolygon(coords, target):
    """Simplify every outer ring; the point budget is shared in proportion to ring length."""
    rings = [poly[0] for poly in coords]
    assert all(len(poly) == 1 for poly in coords), 'holes are not expected in this data set'
    total = sum(len(r) for r in rings)
    kx = 0.93  # cos(21.8°): lon degrees shorter than lat degrees here
    out = []
    for ring in rings:
        want = max(12, round(target * len(ring) / total))
        lo, hi = 0.0, 0.05
        best = None
        for _ in range(40):
            mid = (lo + hi) / 2
            s = simplify_ring(ring, mid, kx)
            if len(s) - 1 > want:
                lo = mid
            else:
                hi = mid
                if not self_intersects(s):
                    best = s
        if best is None or self_intersects(best):
            best = simplify_ring(ring, lo, kx)
            assert not self_intersects(best)
        out.append([best])
    return out


# ---------------------------------------------------------------- units
def main():
    provinces = json.loads((SRC / 'vn-admin-units-2025.json').read_text('utf-8'))
    province = next(p for p in provinces if str(p['code']) == '20')
    old = json.loads((SRC / 'lang-son-units-pre2025.json').read_text('utf-8'))
    geo = json.loads((SRC / 'lang-son-boundaries.geojson').read_text('utf-8'))

    by_name = {}
    by_code = {}
    town_codes = {}
    for d in old['level2s']:
        for c in d['level3s']:
            by_name.setdefault(fold(c['name']), set()).add(d['name'])
            by_code[int(c['level3_id'])] = d['name']
            if c['type'] == 'Thị trấn':
                town_codes[int(c['level3_id'])] = d['name']
    city = next(d['name'] for d in old['level2s'] if d['type'] == 'Thành phố')

    units, methods = [], {}
    for w in province['wards']:
        code = int(w['code'])
        dtype = w['division_type']
        assert dtype in ('phường', 'xã'), dtype
        names = by_name.get(fold(w['name']), set())
        by_code_district = by_code.get(code)
        if dtype == 'phường':
            district, how = city, 'ward'
        elif len(names) == 1:
            district, how = next(iter(names)), 'name'
        elif by_code_district and by_code_district in names:
            district, how = by_code_district, 'name+code'
        elif by_code_district:
            district, how = by_code_district, 'code'
        else:
            district, how = None, 'unknown'
        if how == 'name' and by_code_district and by_code_district != district:
            print(f'  note: {w["name"]} name→{district} but code→{by_code_district}', file=sys.stderr)
        methods[how] = methods.get(how, 0) + 1
        name = w['name'].strip()
        name = name[0].upper() + name[1:]  # the 2025 list spells one unit "xã Bắc Sơn"
        units.append({
            'code': f'{code:05d}',
            'name': name,
            'divisionType': dtype,
            'formerDistrict': district,
        })
    print('formerDistrict derivation:', methods, file=sys.stderr)

    # the unit that holds each former district's seat (former thị trấn / the city's first ward)
    seats = {}
    for u in units:
        d = town_codes.get(int(u['code']))
        if d and u['formerDistrict'] == d:
            short = fold(d.replace('Huyện ', ''))
            if d not in seats or fold(u['name']) == short:
                seats[d] = u['code']
    seats[city] = next(u['code'] for u in units if u['formerDistrict'] == city and u['divisionType'] == 'phường')

    features = {f['properties']['level'] + ':' + f['properties']['code']: f for f in geo['features']}
    districts = []
    for d in old['level2s']:
        f = features['former_district:' + d['level2_id']]
        assert f['properties']['name'] == d['name']
        poly = simplify_multipolygon(f['geometry']['coordinates'], DISTRICT_TARGET)
        a0 = sum(area(p[0]) for p in f['geometry']['coordinates'])
        a1 = sum(area(p[0]) for p in poly)
        print(f'  {d["name"]}: {sum(len(p[0]) for p in f["geometry"]["coordinates"])} → '
              f'{sum(len(p[0]) for p in poly)} points, area {a1 / a0:.3f}', file=sys.stderr)
        districts.append({
            'code': d['level2_id'],
            'name': d['name'],
            'seatUnitCode': seats.get(d['name']),
            'polygon': poly,
        })
    pf = features['province:20']
    outline = simplify_multipolygon(pf['geometry']['coordinates'], PROVINCE_TARGET)
    print(f'  province: {len(pf["geometry"]["coordinates"][0][0])} → {len(outline[0][0])} points, area '
          f'{area(outline[0][0]) / area(pf["geometry"]["coordinates"][0][0]):.3f}', file=sys.stderr)

    doc = {
        'source': {
            'units2025': 'NSO codes via VietnamProvinces dataset (2026-02 snapshot)',
            'unitsPre2025': 'GSO list 2025-03-01 via dvhcvn',
            'boundaries': 'gis.chinhphu.vn via dvhcvn; Douglas-Peucker simplified, 4 decimals',
            'coordinateOrder': '[longitude, latitude] (GeoJSON MultiPolygon coordinates)',
        },
        'province': {'code': str(province['code']), 'name': province['name']},
        'provinceOutline': outline,
        'formerDistricts': districts,
        'units': units,
    }
    OUT.write_text(dump(doc) + '\n', 'utf-8')
    print(f'wrote {OUT} ({OUT.stat().st_size} bytes)', file=sys.stderr)


def dump(doc):
    """Readable but compact: one line per unit and per polygon ring."""
    c = lambda v: json.dumps(v, ensure_ascii=False, separators=(',', ':'))
    lines = ['{']
    lines.append(f'  "source": {json.dumps(doc["source"], ensure_ascii=False)},')
    lines.append(f'  "province": {c(doc["province"])},')
    lines.append(f'  "provinceOutline": {c(doc["provinceOutline"])},')
    lines.append('  "formerDistricts": [')
    for i, d in enumerate(doc['formerDistricts']):
        head = {k: v for k, v in d.items() if k != 'polygon'}
        sep = ',' if i < len(doc['formerDistricts']) - 1 else ''
        lines.append(f'    {c(head)[:-1]},"polygon":{c(d["polygon"])}}}{sep}')
    lines.append('  ],')
    lines.append('  "units": [')
    for i, u in enumerate(doc['units']):
        sep = ',' if i < len(doc['units']) - 1 else ''
        lines.append(f'    {c(u)}{sep}')
    lines.append('  ]')
    lines.append('}')
    return '\n'.join(lines)


if __name__ == '__main__':
    main()
