import { geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { UsState } from '@unidos/contracts';
// Shipped in the bundle (no network): the states already projected to Albers USA, 975 × 610.
import atlas from 'us-atlas/states-albers-10m.json';
import { stateForFips } from './states';

type StatesAtlas = Topology<{ states: GeometryCollection<{ name: string }>; nation: GeometryCollection }>;

export interface StateShape {
  code: UsState;
  /** SVG path data in the atlas' own coordinates (no projection needed). */
  d: string;
}

/** The atlas' drawing area. */
export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

const us = atlas as unknown as StatesAtlas;
// A null projection: the coordinates are already projected.
const draw = geoPath();

/** Every state, DC and Puerto Rico when the atlas has it, as SVG paths keyed by postal code. */
export const STATE_SHAPES: readonly StateShape[] = feature(us, us.objects.states).features.flatMap(
  (shape) => {
    const code = stateForFips(shape.id);
    const d = draw(shape);
    return code && d ? [{ code, d }] : [];
  },
);

export const MAPPED_STATES: ReadonlySet<string> = new Set(STATE_SHAPES.map((shape) => shape.code));
