// Leaflet's stylesheet belongs to the map's lazy chunk: nothing of Leaflet is in the first load.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import Supercluster from 'supercluster';
import type { MapSiteDto } from '@netduty/contracts';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { Boundaries } from '../api/map.api';
import type { CommuneImpact, CommunePoint } from '../lib/commune-points';
import { labelPoint } from '../lib/label-point';
import { compareByAttention, SITE_LOOK_COLOUR, siteLookOf, stateColour } from '../lib/site-look';
import type { SiteBattery } from '../../board/hooks/use-site-battery';
import { addTally, clusterRadius, shortCount, tallyOfSite, worstStateOf, type SiteTally } from '../lib/site-tally';

/**
 * The province map: Leaflet on canvas (no WebGL: headless Chromium without a GPU, and old operations-room
 * PCs, draw it the same), with no tile layer at all — a plain background under the shipped boundaries —
 * so it works in a closed network.
 *
 * This is a provincial map of Lạng Sơn only: there is no national view. Any view of Vietnam as a whole
 * must show the Hoàng Sa and Trường Sa archipelagos as Vietnam's; should one be added, its data must.
 */

/** Lạng Sơn's centre, until the boundaries have loaded and the view fits them. */
const PROVINCE_CENTRE: L.LatLngTuple = [21.85, 106.6];
/** Beyond this zoom every site is its own marker (supercluster's maxZoom is one less). */
const SITE_ZOOM = 16;
/** From this zoom the communes' names replace the former districts'. */
const COMMUNE_LABEL_ZOOM = 11;
/** Below this zoom (a phone's whole province) the former districts' names would pile up: none are shown. */
const DISTRICT_LABEL_ZOOM = 9;

export interface LabelledCommune {
  point: CommunePoint;
  name: string;
  impact: CommuneImpact | null;
}

export interface ProvinceMapHandle {
  fitProvince(): void;
  showSite(site: Pick<MapSiteDto, 'latitude' | 'longitude'>): void;
  showPoint(latitude: number, longitude: number): void;
}

interface ProvinceMapProps {
  sites: readonly MapSiteDto[];
  boundaries: Boundaries | undefined;
  communes: readonly LabelledCommune[];
  selectedSiteId: string | null;
  onSelectSite: (siteId: string | null) => void;
  /** The map's accessible name. */
  label: string;
  /** Room kept clear when the province is fitted: [right, bottom] px (the legend's corner, a phone's folded drawer). */
  fitPadding: [number, number];
  /** The share of the map's height an open drawer covers (a phone's): a site shown is centred above it. */
  coveredBottom: number;
  handle?: Ref<ProvinceMapHandle>;
  /** Sites counting down on batteries, by site id: their markers carry the minutes left. */
  batteries?: ReadonlyMap<string, SiteBattery>;
  /** The marker label of a site on batteries ("42 min"). */
  batteryLabel?: (battery: SiteBattery) => string;
}

interface SitePointProperties {
  index: number;
  state: MapSiteDto['state'];
  openIncidents: number;
}

interface MapLayers {
  boundaries: L.LayerGroup;
  districtLabels: L.LayerGroup;
  communes: L.LayerGroup;
  sites: L.LayerGroup;
  renderers: { boundaries: L.Canvas; communes: L.Canvas; sites: L.Canvas };
}

interface View {
  zoom: number;
  bbox: [number, number, number, number];
}

function viewOf(map: L.Map): View {
  const bounds = map.getBounds().pad(0.25);
  return { zoom: map.getZoom(), bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] };
}

/** A permanent label drawn as text (never HTML from the data). */
function textLabel(latlng: L.LatLngExpression, text: string, className: string, pane = 'tooltipPane'): L.Tooltip {
  const content = document.createElement('span');
  content.textContent = text;
  return L.tooltip({ permanent: true, direction: 'center', className, pane, interactive: false, opacity: 1 }).setLatLng(latlng).setContent(content);
}

function clusterLabel(tally: SiteTally): HTMLElement {
  const content = document.createElement('span');
  const total = document.createElement('span');
  total.className = 'map-cluster__total';
  total.textContent = shortCount(tally.sites);
  content.append(total);
  if (tally.down > 0) {
    const down = document.createElement('span');
    down.className = 'map-cluster__down';
    down.textContent = shortCount(tally.down);
    content.append(down);
  }
  return content;
}

function fitOptions([right, bottom]: [number, number]): L.FitBoundsOptions {
  return { paddingTopLeft: [12, 12], paddingBottomRight: [right, bottom] };
}

/** Centres the view on a place at a zoom, within the part of the map a drawer leaves uncovered. */
function centreAbove(map: L.Map, latlng: L.LatLngTuple, zoom: number, coveredBottom: number): void {
  const point = map.project(latlng, zoom).add([0, (map.getSize().y * coveredBottom) / 2]);
  map.setView(map.unproject(point, zoom), zoom);
}

/** Pans a place just chosen out from under the drawer that is about to open over it. */
function revealAbove(map: L.Map, latlng: L.LatLngTuple, coveredBottom: number): void {
  if (coveredBottom <= 0) return;
  const height = map.getSize().y;
  const visibleBottom = height * (1 - coveredBottom);
  const y = map.latLngToContainerPoint(latlng).y;
  if (y > visibleBottom - 24) map.panBy([0, y - visibleBottom / 2]);
}

export function ProvinceMap({ sites, boundaries, communes, selectedSiteId, onSelectSite, label, fitPadding, coveredBottom, handle, batteries, batteryLabel }: ProvinceMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layersRef = useRef<MapLayers | null>(null);
  const provinceBoundsRef = useRef<L.LatLngBounds | null>(null);
  const fittedRef = useRef(false);
  const [view, setView] = useState<View | null>(null);
  // The latest handlers, read by Leaflet's listeners without rebuilding the layers.
  const onSelectRef = useRef(onSelectSite);
  onSelectRef.current = onSelectSite;
  const insetsRef = useRef({ fitPadding, coveredBottom });
  insetsRef.current = { fitPadding, coveredBottom };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const map = L.map(container, {
      preferCanvas: true,
      attributionControl: false,
      zoomSnap: 0.5,
      minZoom: 7,
      maxZoom: 18,
      center: PROVINCE_CENTRE,
      zoom: 9,
    });
    // One canvas per layer kind, stacked: re-drawing the sites never draws them under the boundaries.
    // Only the sites' canvas (on top) takes clicks; `tolerance` widens a marker's target for a finger.
    const pane = (name: string, zIndex: number) => {
      const created = map.createPane(name);
      created.style.zIndex = String(zIndex);
      return name;
    };
    const renderers = {
      boundaries: L.canvas({ pane: pane('netduty-boundaries', 380), padding: 0.3 }),
      communes: L.canvas({ pane: pane('netduty-communes', 390), padding: 0.3 }),
      sites: L.canvas({ pane: pane('netduty-sites', 400), padding: 0.3, tolerance: 6 }),
    };
    layersRef.current = {
      boundaries: L.layerGroup().addTo(map),
      districtLabels: L.layerGroup().addTo(map),
      communes: L.layerGroup().addTo(map),
      sites: L.layerGroup().addTo(map),
      renderers,
    };
    map.on('click', () => onSelectRef.current(null));
    const update = () => {
      setView(viewOf(map));
      container.dataset['zoom'] = String(map.getZoom());
    };
    map.on('moveend', update);
    update();
    mapRef.current = map;
    // The panel folding, a phone turning, a wall screen going full screen: the map follows its box.
    const resize = new ResizeObserver(() => map.invalidateSize({ pan: false }));
    resize.observe(container);
    return () => {
      resize.disconnect();
      map.remove();
      mapRef.current = null;
      layersRef.current = null;
    };
  }, []);

  useImperativeHandle(
    handle,
    () => ({
      fitProvince: () => {
        const bounds = provinceBoundsRef.current;
        if (bounds) mapRef.current?.fitBounds(bounds, fitOptions(insetsRef.current.fitPadding));
        else mapRef.current?.setView(PROVINCE_CENTRE, 9);
      },
      showSite: (site) => {
        const map = mapRef.current;
        if (map) centreAbove(map, [site.latitude, site.longitude], Math.max(SITE_ZOOM, map.getZoom()), insetsRef.current.coveredBottom);
      },
      showPoint: (latitude, longitude) => {
        const map = mapRef.current;
        if (map) centreAbove(map, [latitude, longitude], Math.max(13, map.getZoom()), insetsRef.current.coveredBottom);
      },
    }),
    [],
  );

  // The province outline and the former districts, drawn once they have loaded; the first time, the view fits the province.
  useEffect(() => {
    const map = mapRef.current;
    const layers = layersRef.current;
    if (!map || !layers || !boundaries) return;
    layers.boundaries.clearLayers();
    const districts = boundaries.features.filter((feature) => feature.properties.level === 'former_district');
    const province = boundaries.features.filter((feature) => feature.properties.level === 'province');
    const outline = L.geoJSON(province, {
      renderer: layers.renderers.boundaries,
      interactive: false,
      style: { color: '#1d39c4', weight: 2.5, fillColor: '#fcfcf7', fillOpacity: 1 },
    } as L.GeoJSONOptions);
    outline.addTo(layers.boundaries);
    L.geoJSON(districts, {
      renderer: layers.renderers.boundaries,
      interactive: false,
      style: { color: '#8c8c8c', weight: 1, dashArray: '4 4', fill: false },
    } as L.GeoJSONOptions).addTo(layers.boundaries);
    const bounds = outline.getBounds();
    if (bounds.isValid()) {
      provinceBoundsRef.current = bounds;
      map.setMaxBounds(bounds.pad(0.6));
      if (!fittedRef.current) {
        fittedRef.current = true;
        map.fitBounds(bounds, { ...fitOptions(insetsRef.current.fitPadding), animate: false });
      }
    }
    const container = containerRef.current;
    if (container) container.dataset['boundaries'] = String(boundaries.features.length);
  }, [boundaries]);

  const showCommuneNames = (view?.zoom ?? 0) >= COMMUNE_LABEL_ZOOM;
  const showDistrictNames = !showCommuneNames && (view?.zoom ?? 0) >= DISTRICT_LABEL_ZOOM;

  // Former districts' names while the province is seen whole; communes' names once zoomed in.
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers || !boundaries) return;
    layers.districtLabels.clearLayers();
    if (!showDistrictNames) return;
    for (const feature of boundaries.features) {
      if (feature.properties.level !== 'former_district') continue;
      const point = labelPoint(feature.geometry);
      if (point) textLabel(point, feature.properties.name, 'map-label map-label--district').addTo(layers.districtLabels);
    }
  }, [boundaries, showDistrictNames]);

  // Communes: a point at the centre of their sites; a ring and a name that always shows when their coverage is lost.
  useEffect(() => {
    const layers = layersRef.current;
    if (!layers) return;
    layers.communes.clearLayers();
    for (const commune of communes) {
      const at: L.LatLngTuple = [commune.point.latitude, commune.point.longitude];
      const impact = commune.impact;
      if (impact) {
        const noService = impact.withoutAnyService;
        L.circleMarker(at, {
          renderer: layers.renderers.communes,
          interactive: false,
          radius: 24,
          color: noService ? '#cf1322' : '#d46b08',
          weight: 2.5,
          dashArray: noService ? undefined : '5 4',
          fillColor: noService ? '#ff4d4f' : '#ffa940',
          fillOpacity: 0.18,
        }).addTo(layers.communes);
      } else {
        L.circleMarker(at, { renderer: layers.renderers.communes, interactive: false, radius: 2.5, color: '#595959', weight: 1, fillColor: '#595959', fillOpacity: 0.8 }).addTo(layers.communes);
      }
      if (impact || showCommuneNames) {
        const kind = impact ? (impact.withoutAnyService ? 'map-label--no-service' : 'map-label--lost-operator') : 'map-label--commune';
        textLabel(at, commune.name, `map-label ${kind}`).addTo(layers.communes);
      }
    }
  }, [communes, showCommuneNames]);

  const index = useMemo(() => {
    const clusters = new Supercluster<SitePointProperties, SiteTally>({
      // Leaflet's tiles are 256 px: with that extent the radius is in screen pixels.
      extent: 256,
      radius: 46,
      maxZoom: SITE_ZOOM - 1,
      map: (properties) => tallyOfSite(properties),
      reduce: (accumulated, properties) => {
        addTally(accumulated, properties);
      },
    });
    clusters.load(
      sites.map((site, siteIndex) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [site.longitude, site.latitude] },
        properties: { index: siteIndex, state: site.state, openIncidents: site.openIncidents },
      })),
    );
    return clusters;
  }, [sites]);

  // Sites and clusters in view, re-drawn after every move: a cluster is coloured by its worst site and
  // labelled with its size and, on red, how many of its sites are down.
  useEffect(() => {
    const map = mapRef.current;
    const layers = layersRef.current;
    const container = containerRef.current;
    if (!map || !layers || !view || !container) return;
    layers.sites.clearLayers();
    const renderer = layers.renderers.sites;
    const features = index.getClusters(view.bbox, Math.floor(view.zoom));
    const single: MapSiteDto[] = [];
    let clusterCount = 0;
    for (const feature of features) {
      const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
      const properties = feature.properties;
      if ('cluster' in properties && properties.cluster) {
        clusterCount += 1;
        const clusterId = properties.cluster_id;
        const marker = L.circleMarker([latitude, longitude], {
          renderer,
          radius: clusterRadius(properties.sites),
          color: '#ffffff',
          weight: 2,
          fillColor: stateColour(worstStateOf(properties)),
          fillOpacity: 0.88,
          bubblingMouseEvents: false,
        });
        marker.bindTooltip(clusterLabel(properties), { permanent: true, direction: 'center', className: 'map-cluster', opacity: 1 });
        marker.on('click', () => map.setView([latitude, longitude], Math.min(index.getClusterExpansionZoom(clusterId), SITE_ZOOM)));
        marker.addTo(layers.sites);
      } else {
        const site = sites[(properties as SitePointProperties).index];
        if (site) single.push(site);
      }
    }
    // The worst drawn last, on top of the others.
    single.sort(compareByAttention).reverse();
    for (const site of single) {
      const open = site.openIncidents > 0;
      const battery = batteries?.get(site.id);
      const marker = L.circleMarker([site.latitude, site.longitude], {
        renderer,
        radius: site.priority === 'P0' ? 8 : 6,
        color: open ? '#141414' : '#ffffff',
        weight: open ? 2.5 : 1.5,
        fillColor: SITE_LOOK_COLOUR[siteLookOf(site)],
        fillOpacity: 0.95,
        bubblingMouseEvents: false,
      })
        .on('click', () => {
          onSelectRef.current(site.id);
          revealAbove(map, [site.latitude, site.longitude], insetsRef.current.coveredBottom);
        });
      if (battery && batteryLabel) {
        const urgent = battery.minutesLeft < 30 ? ' map-battery--urgent' : '';
        marker.bindTooltip(batteryLabel(battery), { permanent: true, direction: 'right', offset: [6, 0], className: `map-battery${urgent}`, opacity: 1 });
      }
      marker.addTo(layers.sites);
    }
    const selected = selectedSiteId ? sites.find((site) => site.id === selectedSiteId) : undefined;
    if (selected) {
      L.circleMarker([selected.latitude, selected.longitude], { renderer, interactive: false, radius: 14, color: '#1668dc', weight: 3, fill: false }).addTo(layers.sites);
    }
    container.dataset['clusters'] = String(clusterCount);
    container.dataset['sites'] = String(single.length);
  }, [index, sites, view, selectedSiteId, batteries, batteryLabel]);

  return <div ref={containerRef} className="province-map" role="region" aria-label={label} data-testid="province-map" />;
}
