/**
 * Every stable code an {@link InputError} can carry, with the rule it stands for. A code never
 * changes meaning once released; `docs/errors.md` lists them all (a test keeps the two in step).
 *
 * Ranges: `E0xxx` any input (files, JSON text), `E1xxx` VROOM JSON and the collection model,
 * `E2xxx` CVRPLIB (`.vrp`, `.sol`) and CVRP objects, `E3xxx` Solomon, MTVRPTWR and Kim files,
 * `E4xxx` scenarios, `E5xxx` sensor readings, `E6xxx` options and the arguments of `plan()`,
 * the forecaster, the selection and the matrix providers, `E7xxx` documented size limits.
 */
export const ERROR_CODES = {
  E0001: 'the file cannot be read (missing, a directory, no permission)',
  E0002: 'the file is larger than the reader accepts',
  E0003: 'binary data (control characters) in a text file',
  E0004: 'JSON nested deeper than the limit',
  E0005: 'not valid JSON (truncated, junk, trailing text)',
  E0006: 'the text argument is not a string',
  E0007: 'an output file or folder that cannot be written',
  E0008: 'empty input (nothing on stdin, an empty file)',
  E0009: 'unclassified input error (only from code outside the library that builds an InputError without a code)',

  E1001: 'wrong JSON type: expected an object, an array, a string or a boolean',
  E1002: 'not an integer (NaN, Infinity, a fraction or a string where an integer belongs)',
  E1003: 'a negative number where only non-negative numbers are allowed',
  E1004: 'a number outside the range the field allows',
  E1005: 'a required field is missing',
  E1006: 'the same id twice (vehicles, jobs, facilities, breaks of one vehicle)',
  E1007: 'a dangling reference: a location index outside the matrices, an unknown facility id, a profile without matrices',
  E1008: 'a matrix that is not square, has ragged rows, or whose size differs from another matrix',
  E1009: 'a bad time window: not [start, end], start after end, or an empty list',
  E1010: 'amount arrays (pickup, delivery, capacity…) with different numbers of dimensions, or a capacity missing',
  E1011: 'a VROOM feature binroute does not support (shipments, steps, the top-level matrix…)',
  E1012: 'bad coordinates: not [lon, lat], not finite, or outside [-180, 180] × [-90, 90]',
  E1013: 'no vehicles',
  E1014: 'fields that contradict each other (return_empty without a facility, route_capacity without amounts, arcs beside matrices…)',
  E1015: 'a hand-built RoutingProblem of the wrong shape (arrays, sizes, indices)',
  E1016: 'routes given to evaluateRoutes that name no vehicle, repeat a job or are infeasible',

  E2001: 'CVRPLIB syntax: text outside a section, an unknown keyword, a line that is not a .sol line',
  E2002: 'a keyword or section given twice',
  E2003: 'a required keyword or section is missing (or the file is empty)',
  E2004: 'not a number, or not an integer where one is needed',
  E2005: 'a number outside its allowed range (negative demand, zero capacity, weight beyond 32 bits…)',
  E2006: 'a section with the wrong number of fields or values (truncated file, ragged rows)',
  E2007: 'a node id outside 1..DIMENSION, or given twice',
  E2008: 'a CVRPLIB feature binroute does not support (TYPE, EDGE_WEIGHT_TYPE/FORMAT, DISTANCE, several depots)',
  E2009: 'a demand above the vehicle capacity: no vehicle can serve it (a CVRP must serve every customer)',
  E2010: 'the depot has a demand, or the depot is not node 1',
  E2011: 'a CVRP object of the wrong shape (not an object, demands or distances not arrays)',

  E3001: 'a required section or header line is missing (Solomon VEHICLE/CUSTOMER, MTVRPTWR sections, Kim header)',
  E3002: 'a line that is not the expected numbers, or has the wrong number of fields',
  E3003: 'a number outside its allowed range (negative, zero capacity, not an integer)',
  E3004: 'customer or stop ids out of sequence, or repeated',
  E3005: 'a demand above the vehicle capacity',
  E3006: 'a time window whose start is after its end, or a time past the day',
  E3007: 'an unsupported layout (depot not node 1, a second depot)',
  E3008: 'a Kim file without a depot, a regular stop or a disposal site',
  E3009: 'a customer that even a vehicle of its own cannot serve within its window and the depot’s horizon (the format asks for every customer to be served)',
  E3010: 'a section or header key given twice',

  E4001: 'scenario: wrong JSON type (an object or an array expected)',
  E4002: 'scenario: a missing or empty string',
  E4003: 'scenario: a number missing, not finite, or outside its range',
  E4004: 'scenario: format is not "binroute-scenario/1"',
  E4005: 'scenario: bbox is not [minLon, minLat, maxLon, maxLat]',
  E4006: "scenario: a location that is not [lon, lat] or lies outside the scenario's bbox",
  E4007: 'scenario: a daily window that is not [from, to] seconds, starts after it ends, or a list without a window',
  E4008: 'scenario: the same id twice',
  E4009: 'scenario: a vehicle names a depot or hub that does not exist',
  E4010: 'scenario: no depot, or no vehicle (empty fleet)',
  E4011: 'scenario: a boolean field that is not true or false, or dayFactors that are not 7 numbers ≥ 0',

  E5001: 'readings: a row without a bin id, or with the wrong number of fields',
  E5002: 'readings: a reading of a bin that does not exist',
  E5003: 'readings: a timestamp that is not ISO 8601',
  E5004: 'readings: a fill that is not a number (NaN, text)',
  E5005: 'readings: a fill below 0 or above the plausible maximum (150 % by default)',
  E5006: 'readings: a timestamp out of order among its bin’s readings',
  E5007: 'readings: a second reading of a bin at the same time',
  E5010: 'readings: rows were given but none is usable (each row’s problem is listed)',
  E5011: 'readings: not a readings file (empty, no bin_id/timestamp/fill_percent header, JSON without a readings array)',

  E6001: 'a solve option is invalid (seed, maxIterations, timeLimitMs, stallIterations, onProgress, signal)',
  E6002: 'a date that is not a calendar date YYYY-MM-DD',
  E6003: 'a time that cannot be read (now, collections, forecast queries)',
  E6004: 'a policy, forecast or simulation option outside its range',
  E6005: 'plan/selection input that does not fit together (a bin without a forecast, a selection of the wrong length, a repeated bin id)',
  E6006: 'a matrix provider that is misconfigured (unknown kind, OSRM without a URL, no road network, no matrices for a profile)',
  E6007: 'a road network (GeoJSON) that is malformed',
  E6008: 'the OSRM server failed (timeout, unreachable, HTTP error, malformed JSON, partial or wrong-size table, route without geometry); no plan is made on a partial matrix',

  E7001: 'too many jobs (above the documented limit)',
  E7002: 'too many vehicles (above the documented limit)',
  E7003: 'too many locations or matrix cells for full matrices',
  E7004: 'amounts (demands, capacities) whose sum does not fit the core’s 32-bit loads',
  E7005: 'times or durations beyond the documented limit (2^31 − 1 s), alone or summed along a possible route',
  E7006: 'costs beyond what the objective can hold without wrapping',
  E7007: 'too many facilities, windows or breaks',
  E7008: 'distances whose total along a route could exceed 2^31 − 1 m',
} as const;

/** A stable input-error code, e.g. `E1002`; see {@link ERROR_CODES} and docs/errors.md. */
export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The documented limits of the library: above them an input is refused with an `E7xxx` code
 * (never wrapped or truncated). docs/errors.md explains each.
 */
export const LIMITS = {
  /** Jobs of one routing problem (VROOM JSON, RoutingProblem, Solomon, MTVRPTWR, Kim). */
  jobs: 100_000,
  /** Vehicles of one routing problem. */
  vehicles: 10_000,
  /** Nodes of a CVRP (depot included). */
  cvrpNodes: 16_000,
  /** Distinct locations with full matrices. */
  locations: 8_000,
  /** Matrix cells in all (2^28 Int32 = 1 GB). */
  matrixCells: 2 ** 28,
  /** Largest time, duration, window bound or service time, in seconds (2^31 − 1). */
  time: 2_147_483_647,
  /** Largest sum of one amount dimension over all jobs (2^31 − 2). */
  amountSum: 2_147_483_646,
  /** Facilities (reload hubs). */
  facilities: 62,
} as const;

/**
 * The description of a code, for messages and docs.
 *
 * @example
 * ```ts
 * describeErrorCode('E1009'); // 'a bad time window: …'
 * ```
 */
export function describeErrorCode(code: ErrorCode): string {
  return ERROR_CODES[code];
}
