/**
 * A collection scenario: the bins of a district, the depots and hubs, and the fleet. It is what
 * `fixtures/seongdong/*.json` hold (format `binroute-scenario/1`, read with `parseScenario`) and
 * what the planning path turns into a routing problem. Coordinates are `[lon, lat]` (WGS84);
 * times of day are seconds since midnight, local time.
 */

/** `[lon, lat]` in degrees (WGS84). */
export type LonLat = [number, number];

/** A daily interval `[from, to]` in seconds since midnight. */
export type DailyWindow = [number, number];

/** One café bin for used coffee grounds. */
export interface Bin {
  /** Unique id, e.g. `SD-0001`. */
  id: string;
  /** Café name (synthetic in the shipped fixtures). */
  name: string;
  /** Administrative dong (행정동) name, or `null` outside the district. */
  dong: string | null;
  /** 8-digit dong code (the café-count key), or `null` outside the district. */
  dongCode: string | null;
  location: LonLat;
  /** Volume of the bin in litres. */
  capacityLitres: number;
  /** Mass of grounds the bin holds when full, in kg. */
  capacityKg: number;
  /** Opening hours: pickups happen inside them. One or more windows per day. */
  openingHours: DailyWindow[];
  /** Minutes at the bin, in seconds (walk in, swap or empty the bin, walk out). */
  serviceSeconds: number;
  /** Expected generation of grounds. */
  generation: {
    /** Mean kg per day over a week. */
    kgPerDay: number;
    /** Multipliers for Monday … Sunday (mean 1). */
    dayFactors: [number, number, number, number, number, number, number];
  };
  /** Whether the bin reports its fill level. */
  sensor: boolean;
  /** Franchise outlet (larger volumes, longer hours) or independent café. */
  franchise: boolean;
}

/** Where vehicles start and end their shift. */
export interface Depot {
  id: string;
  name: string;
  location: LonLat;
}

/** An intermediate collection point (중간집하거점) where vehicles unload mid-shift. */
export interface Hub {
  id: string;
  name: string;
  dong: string | null;
  location: LonLat;
  /** Time to unload, in seconds. */
  unloadSeconds: number;
  openingHours: DailyWindow[];
}

/** One vehicle of the fleet. */
export interface FleetVehicle {
  id: string;
  /** E.g. `e-cargo-bike`, `truck-1t`. */
  type: string;
  /** Travel profile (speeds): `bike` or `truck`. */
  profile: string;
  /** Depot id where the shift starts and ends. */
  depot: string;
  capacityKg: number;
  capacityLitres: number;
  /** Average travel speed used when no road speeds apply, km/h. */
  speedKmh: number;
  /** Working hours. */
  shift: DailyWindow;
  /** A break of `seconds` starting inside `window`. */
  lunchBreak?: { window: DailyWindow; seconds: number };
  /** VROOM-style costs: fixed per used vehicle, per hour of travel, per km. */
  costs: { fixed: number; perHour: number; perKm: number };
  /** Hub ids the vehicle may unload at. */
  hubs: string[];
}

/** A whole scenario. */
export interface Scenario {
  format: 'binroute-scenario/1';
  name: string;
  /** What is synthetic in this scenario, in words. */
  synthetic: string;
  /** Data sources, with licences. */
  sources: string[];
  /** The area every bin, depot and hub lies in: `[minLon, minLat, maxLon, maxLat]`. */
  bbox: [number, number, number, number];
  /** Density of wet grounds used for kg ↔ litres, kg per litre. */
  densityKgPerLitre: number;
  depots: Depot[];
  hubs: Hub[];
  fleet: FleetVehicle[];
  bins: Bin[];
}
