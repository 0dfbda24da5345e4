// Writes the bad-input corpus test/bad-inputs/ (#17): small files in every input format, each
// with its expected outcome in manifest.json. Run `node scripts/gen-bad-inputs.mjs` after
// changing a case; test/reliability.badInputs.test.ts runs every file through the library and
// the CLI. The 10 MB junk file is generated inside that test, not here.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'bad-inputs');
const cases = [];
const BOM = '\uFEFF';
const crlf = (s) => s.replace(/\n/g, '\r\n');

function add(file, format, text, expect, what) {
  cases.push({ file, format, expect, what });
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
const clone = (x) => JSON.parse(JSON.stringify(x));
const js = (x) => `${JSON.stringify(x, null, 1)}\n`;

// ---------------------------------------------------------------- VROOM JSON
const vroom = {
  vehicles: [{ id: 1, start: [127.04, 37.54], end: [127.04, 37.54], capacity: [10] }],
  jobs: [
    { id: 1, location: [127.05, 37.55], pickup: [3], service: 60 },
    { id: 2, location: [127.06, 37.545], pickup: [4] },
  ],
};
const vroomM = {
  vehicles: [{ id: 1, start_index: 0, end_index: 0, capacity: [10] }],
  jobs: [
    { id: 1, location_index: 1, pickup: [3] },
    { id: 2, location_index: 2, pickup: [4] },
  ],
  matrices: { car: { durations: [[0, 5, 6], [5, 0, 3], [6, 3, 0]] } },
};
const v = (file, mutate, expect, what, base = vroom) => {
  const x = clone(base);
  mutate(x);
  add(`vroom/${file}`, 'vroom', js(x), expect, what);
};
add('vroom/nan-literal.json', 'vroom', js(vroom).replace('"service": 60', '"service": NaN'), { code: 'E0005' }, 'NaN is not JSON');
add('vroom/infinity-literal.json', 'vroom', js(vroom).replace('"service": 60', '"service": Infinity'), { code: 'E0005' }, 'Infinity is not JSON');
add('vroom/overflow-1e999.json', 'vroom', js(vroom).replace('"service": 60', '"service": 1e999'), { code: 'E1002', field: 'jobs[0].service' }, '1e999 parses to Infinity: not an integer');
v('service-string.json', (x) => (x.jobs[0].service = '60'), { code: 'E1002', field: 'jobs[0].service' }, 'a string for a number');
v('service-fraction.json', (x) => (x.jobs[0].service = 1.5), { code: 'E1002', field: 'jobs[0].service' }, 'a fraction where seconds are integers');
v('service-negative.json', (x) => (x.jobs[0].service = -5), { code: 'E1003', field: 'jobs[0].service' }, 'a negative service time');
v('service-huge.json', (x) => (x.jobs[0].service = 1e12), { code: 'E7005', field: 'jobs[0].service' }, 'a service time beyond 2^31-1 s');
v('pickup-huge-sum.json', (x) => { x.vehicles[0].capacity = [2147483647]; x.jobs[0].pickup = [2000000000]; x.jobs[1].pickup = [2000000000]; }, { code: 'E7004', field: 'jobs' }, 'amounts whose sum overflows 32 bits');
v('vehicles-missing.json', (x) => delete x.vehicles, { code: 'E1005', field: 'vehicles' }, 'no vehicles key');
v('vehicles-empty.json', (x) => (x.vehicles = []), { code: 'E1013', field: 'vehicles' }, 'an empty fleet');
v('vehicles-object.json', (x) => (x.vehicles = { id: 1 }), { code: 'E1001', field: 'vehicles' }, 'an object where an array belongs');
v('job-id-missing.json', (x) => delete x.jobs[1].id, { code: 'E1005', field: 'jobs[1].id' }, 'a job without id');
v('job-id-duplicate.json', (x) => (x.jobs[1].id = 1), { code: 'E1006', field: 'jobs[1].id' }, 'two jobs with id 1');
v('vehicle-id-duplicate.json', (x) => x.vehicles.push({ ...x.vehicles[0] }), { code: 'E1006', field: 'vehicles[1].id' }, 'two vehicles with id 1');
v('location-index-dangling.json', (x) => (x.jobs[1].location_index = 7), { code: 'E1007', field: 'jobs[1].location_index' }, 'a location index outside the 3x3 matrices', vroomM);
v('matrix-non-square.json', (x) => (x.matrices.car.durations[1] = [5, 0]), { code: 'E1008', field: 'matrices.car.durations[1]' }, 'a row shorter than the matrix', vroomM);
v('matrix-ragged-rows.json', (x) => x.matrices.car.durations.pop(), { code: 'E1008', field: 'matrices.car.durations[0]' }, 'two rows of three entries: not square', vroomM);
v('matrix-sizes-differ.json', (x) => (x.matrices.car.distances = [[0, 1], [1, 0]]), { code: 'E1008', field: 'matrices.car.distances' }, 'distances 2x2 beside durations 3x3', vroomM);
v('matrix-negative.json', (x) => (x.matrices.car.durations[0][1] = -1), { code: 'E1003', field: 'matrices.car.durations[0][1]' }, 'a negative travel time', vroomM);
v('matrix-string.json', (x) => (x.matrices.car.durations[0][2] = '6'), { code: 'E1002', field: 'matrices.car.durations[0][2]' }, 'a string in a matrix', vroomM);
v('window-start-after-end.json', (x) => (x.jobs[0].time_windows = [[900, 600]]), { code: 'E1009', field: 'jobs[0].time_windows[0]' }, 'a window whose start is after its end');
v('window-empty-list.json', (x) => (x.jobs[0].time_windows = []), { code: 'E1009', field: 'jobs[0].time_windows' }, 'an empty list of windows');
v('window-triple.json', (x) => (x.vehicles[0].time_window = [0, 10, 20]), { code: 'E1009', field: 'vehicles[0].time_window' }, 'three numbers for a window');
v('coordinates-latitude-95.json', (x) => (x.jobs[0].location = [127, 95]), { code: 'E1012', field: 'jobs[0].location[1]' }, 'a latitude beyond 90');
v('coordinates-string.json', (x) => (x.jobs[1].location = ['127.06', 37.5]), { code: 'E1012', field: 'jobs[1].location[0]' }, 'a longitude given as a string');
v('dimensions-differ.json', (x) => (x.jobs[1].pickup = [1, 2]), { code: 'E1010', field: 'jobs[1].pickup' }, 'two amount dimensions beside one');
v('shipments.json', (x) => (x.shipments = [{ pickup: { id: 1 }, delivery: { id: 2 } }]), { code: 'E1011', field: 'shipments' }, 'pickup-and-delivery pairs are not supported');
v('facility-unknown.json', (x) => { x.facilities = [{ id: 5, location: [127.05, 37.54] }]; x.vehicles[0].facilities = [6]; }, { code: 'E1007', field: 'vehicles[0].facilities[0]' }, 'a vehicle naming a facility that does not exist');
v('priority-101.json', (x) => (x.jobs[0].priority = 101), { code: 'E1004', field: 'jobs[0].priority' }, 'a priority above 100');
v('top-level-array.json', (x) => void x, { code: 'E1001', field: 'input' }, 'an array instead of an object', []);
v('many-problems.json', (x) => { x.jobs[0].service = 'x'; delete x.jobs[1].id; x.jobs.push({ id: 3, location: [127.05, 37.55], time_windows: [[900, 600]] }); x.vehicles[0].speed_factor = 9; },
  { code: 'E1004', field: 'vehicles[0].speed_factor', problems: ['E1004', 'E1002', 'E1005', 'E1009'] }, 'four problems in one file, all reported');
v('demand-above-capacity.json', (x) => (x.jobs[1].pickup = [50]), { outcome: 'unassigned', reason: 'capacity', jobs: [2] }, 'well-formed but infeasible: job 2 is unassigned (capacity), not an error');
v('capacity-zero.json', (x) => (x.vehicles[0].capacity = [0]), { outcome: 'unassigned', reason: 'capacity', jobs: [1, 2] }, 'a zero-capacity vehicle: every job unassigned (capacity)');
add('vroom/truncated.json', 'vroom', js(vroom).slice(0, 90), { code: 'E0005' }, 'a file cut in the middle');
add('vroom/empty.json', 'vroom', '', { code: 'E0005' }, 'an empty file');
add('vroom/bom-valid.json', 'vroom', BOM + js(vroom), { outcome: 'ok' }, 'a UTF-8 byte order mark is skipped');
add('vroom/bom-crlf-duplicate.json', 'vroom', BOM + crlf(js({ ...vroom, jobs: [vroom.jobs[0], { ...vroom.jobs[1], id: 1 }] })), { code: 'E1006', field: 'jobs[1].id' }, 'BOM and CRLF line ends: the real problem is still found');
add('vroom/deeply-nested.json', 'vroom', `{"vehicles": [{"id": 1, "start": [127.04, 37.54]}], "jobs": [], "extra": ${'['.repeat(20000)}${']'.repeat(20000)}}\n`, { code: 'E0004', field: 'input' }, '20,000 levels of nesting');

// ---------------------------------------------------------------- CVRPLIB
const vrp = (o = {}) => {
  const h = { NAME: 't', TYPE: 'CVRP', DIMENSION: '4', EDGE_WEIGHT_TYPE: 'EUC_2D', CAPACITY: '10', ...o.header };
  const head = Object.entries(h).filter(([, x]) => x !== null).map(([k, x]) => `${k} : ${x}`).join('\n');
  const coords = 'coords' in o ? o.coords : ['1 0 0', '2 3 4', '3 6 8', '4 1 1'];
  const demands = 'demands' in o ? o.demands : ['1 0', '2 4', '3 5', '4 3'];
  const sec = (name, rows) => (rows === null ? '' : `${name}\n${rows.join('\n')}\n`);
  return `${head}\n${sec('NODE_COORD_SECTION', coords)}${sec('DEMAND_SECTION', demands)}DEPOT_SECTION\n${o.depot ?? '1\n-1'}\nEOF\n`;
};
const c = (file, text, expect, what) => add(`cvrplib/${file}`, 'cvrp', text, expect, what);
c('coordinate-nan.vrp', vrp({ coords: ['1 0 0', '2 NaN 4', '3 6 8', '4 1 1'] }), { code: 'E2004', field: 'NODE_COORD_SECTION' }, 'NaN as a coordinate');
c('coordinate-infinity.vrp', vrp({ coords: ['1 0 0', '2 3 Infinity', '3 6 8', '4 1 1'] }), { code: 'E2004', field: 'NODE_COORD_SECTION' }, 'Infinity as a coordinate');
c('coordinate-huge.vrp', vrp({ coords: ['1 0 0', '2 3e12 4', '3 6 8', '4 1 1'] }), { code: 'E7006', field: 'NODE_COORD_SECTION' }, 'distances beyond 32 bits');
c('demand-string.vrp', vrp({ demands: ['1 0', '2 four', '3 5', '4 3'] }), { code: 'E2004', field: 'DEMAND_SECTION' }, 'a word as a demand');
c('demand-negative.vrp', vrp({ demands: ['1 0', '2 -4', '3 5', '4 3'] }), { code: 'E2005', field: 'DEMAND_SECTION' }, 'a negative demand');
c('demand-above-capacity.vrp', vrp({ demands: ['1 0', '2 11', '3 5', '4 3'] }), { code: 'E2009', field: 'DEMAND_SECTION' }, 'a demand no vehicle can carry (a CVRP must serve it)');
c('capacity-zero.vrp', vrp({ header: { CAPACITY: '0' } }), { code: 'E2005', field: 'CAPACITY' }, 'zero capacity');
c('dimension-huge.vrp', vrp({ header: { DIMENSION: '20000' } }), { code: 'E7001', field: 'DIMENSION' }, 'a DIMENSION above the limit');
c('dimension-missing.vrp', vrp({ header: { DIMENSION: null } }), { code: 'E2003', field: 'DIMENSION' }, 'no DIMENSION');
c('demand-section-missing.vrp', vrp({ demands: null }), { code: 'E2003', field: 'DEMAND_SECTION' }, 'no DEMAND_SECTION');
c('node-duplicate.vrp', vrp({ demands: ['1 0', '2 4', '2 5', '4 3'] }), { code: 'E2007', field: 'DEMAND_SECTION' }, 'node 2 twice');
c('node-dangling.vrp', vrp({ demands: ['1 0', '2 4', '9 5', '4 3'] }), { code: 'E2007', field: 'DEMAND_SECTION' }, 'node 9 of 4');
c('truncated.vrp', vrp().split('DEMAND_SECTION')[0] + 'DEMAND_SECTION\n1 0\n2 4\n', { code: 'E2006', field: 'DEMAND_SECTION' }, 'a file cut in DEMAND_SECTION');
c('ragged-rows.vrp', vrp({ coords: ['1 0 0', '2 3', '3 6 8', '4 1 1'] }), { code: 'E2006', field: 'NODE_COORD_SECTION' }, 'a coordinate row with two fields');
c('explicit-short.vrp', vrp({ header: { EDGE_WEIGHT_TYPE: 'EXPLICIT', EDGE_WEIGHT_FORMAT: 'FULL_MATRIX' }, coords: null }).replace('DEMAND_SECTION', 'EDGE_WEIGHT_SECTION\n0 1 2 3\n1 0 1 2\n2 1 0\nDEMAND_SECTION'), { code: 'E2006', field: 'EDGE_WEIGHT_SECTION' }, 'a non-square explicit matrix (15 of 16 values)');
c('explicit-negative.vrp', vrp({ header: { EDGE_WEIGHT_TYPE: 'EXPLICIT', EDGE_WEIGHT_FORMAT: 'LOWER_ROW' }, coords: null }).replace('DEMAND_SECTION', 'EDGE_WEIGHT_SECTION\n1\n2 -3\n4 5 6\nDEMAND_SECTION'), { code: 'E2005', field: 'EDGE_WEIGHT_SECTION' }, 'a negative weight');
c('depot-demand.vrp', vrp({ demands: ['1 2', '2 4', '3 5', '4 3'] }), { code: 'E2010', field: 'DEMAND_SECTION' }, 'the depot has a demand');
c('type-vrptw.vrp', vrp({ header: { TYPE: 'VRPTW' } }), { code: 'E2008', field: 'TYPE' }, 'an unsupported TYPE');
c('binary-junk.vrp', vrp().replace('NAME : t', 'NAME : t\u0000\u0001'), { code: 'E0003' }, 'control characters: binary data');
c('empty.vrp', '', { code: 'E2003' }, 'an empty file');
c('bom-crlf-valid.vrp', BOM + crlf(vrp()), { outcome: 'ok' }, 'BOM and CRLF line ends are read');

// ---------------------------------------------------------------- Solomon
const sol = (rows, fleet = '  25         200') =>
  `C101\n\nVEHICLE\nNUMBER     CAPACITY\n${fleet}\n\nCUSTOMER\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\n\n${(rows ?? ['0 40 50 0 0 1236 0', '1 45 68 10 912 967 90', '2 45 70 30 825 870 90', '3 42 66 10 65 146 90']).map((r) => `    ${r.split(' ').join('      ')}`).join('\n')}\n`;
const s = (file, text, expect, what) => add(`solomon/${file}`, 'solomon', text, expect, what);
s('ready-after-due.txt', sol(['0 40 50 0 0 1236 0', '1 45 68 10 967 912 90', '2 45 70 30 825 870 90']), { code: 'E3006', field: 'CUSTOMER' }, 'ready time after due date');
s('demand-above-capacity.txt', sol(['0 40 50 0 0 1236 0', '1 45 68 210 912 967 90']), { code: 'E3005', field: 'CUSTOMER' }, 'a demand above the capacity');
s('demand-negative.txt', sol(['0 40 50 0 0 1236 0', '1 45 68 -10 912 967 90']), { code: 'E3003', field: 'CUSTOMER' }, 'a negative demand');
s('customer-skipped.txt', sol(['0 40 50 0 0 1236 0', '2 45 68 10 912 967 90']), { code: 'E3004', field: 'CUSTOMER' }, 'customer 1 missing: ids out of sequence');
s('capacity-zero.txt', sol(undefined, '  25         0'), { code: 'E3003', field: 'VEHICLE' }, 'zero capacity');
s('fleet-empty.txt', sol(undefined, '  0         200'), { code: 'E3003', field: 'VEHICLE' }, 'an empty fleet');
s('row-short.txt', sol(['0 40 50 0 0 1236 0', '1 45 68 10 912 967']), { code: 'E3002', field: 'CUSTOMER' }, 'a row of six numbers');
s('row-nan.txt', sol(['0 40 50 0 0 1236 0', '1 45 NaN 10 912 967 90']), { code: 'E3002', field: 'CUSTOMER' }, 'NaN in a row');
s('time-huge.txt', sol(['0 40 50 0 0 1236 0', '1 45 68 10 912 9e12 90']), { code: 'E7005', field: 'CUSTOMER' }, 'a due date that would wrap at ×1000');
s('coordinate-huge.txt', sol(['0 40 50 0 0 1236 0', '1 4e9 68 10 912 967 90']), { code: 'E7006', field: 'CUSTOMER' }, 'a coordinate whose distances would wrap');
s('bom-crlf-valid.txt', BOM + crlf(sol()), { outcome: 'ok' }, 'BOM and CRLF line ends are read');

// ---------------------------------------------------------------- MTVRPTWR
const mt = (o = {}) =>
  `NAME : t\nTYPE : MTVRPTWR\nDIMENSION : 3\nVEHICLES : ${o.vehicles ?? 2}\nCAPACITY : 100\nSERVICE_TIME : 10\nNODE_COORD_SECTION\n1 0 0\n2 3 4\n3 6 8\nDEMAND_SECTION\n1 0\n2 ${o.demand ?? 10}\n3 20\nTIME_WINDOW_SECTION\n1 0 1000\n2 ${o.tw ?? '0 500'}\n3 0 900\nDEPOT_SECTION\n1\n-1\nEOF\n`;
add('mtvrptwr/window-start-after-end.txt', 'mtvrptwr', mt({ tw: '600 500' }), { code: 'E3006', field: 'TIME_WINDOW_SECTION' }, 'a window whose start is after its end');
add('mtvrptwr/demand-fraction.txt', 'mtvrptwr', mt({ demand: '2.5' }), { code: 'E3003', field: 'DEMAND_SECTION' }, 'a fractional demand');
add('mtvrptwr/demand-above-capacity.txt', 'mtvrptwr', mt({ demand: '500' }), { code: 'E3005', field: 'DEMAND_SECTION' }, 'a demand above the capacity');
add('mtvrptwr/vehicles-zero.txt', 'mtvrptwr', mt({ vehicles: 0 }), { code: 'E3003', field: 'VEHICLES' }, 'an empty fleet');
add('mtvrptwr/window-huge.txt', 'mtvrptwr', mt({ tw: '0 9e15' }), { code: 'E7005', field: 'TIME_WINDOW_SECTION' }, 'a window end that would wrap in tenths');

// ---------------------------------------------------------------- Kim
const kim = (rows) =>
  `10 // vehicle capacity (yd)\n40 // route capacity (yd)\n300 // max stops\n3600 // lunch duration (s)\n30 // speed (mph)\nStop_ID X Y Early_St_Time Late_St_Time Svice_Time Load Stop_Type\n${(rows ?? ['0 0 0 0 2400 0 0 0', '1 100 200 800 1700 60 1.5 1', '2 300 100 0 2400 60 2 1', '3 500 500 0 2400 600 0 2']).join('\n')}\n`;
add('kim/no-disposal_stop.txt', 'kim', kim(['0 0 0 0 2400 0 0 0', '1 100 200 800 1700 60 1.5 1']), { code: 'E3008', field: 'Stop_Type' }, 'no disposal site');
add('kim/early-after-late_stop.txt', 'kim', kim(['0 0 0 0 2400 0 0 0', '1 100 200 1700 800 60 1.5 1', '3 500 500 0 2400 600 0 2']), { code: 'E3006', field: 'Early_St_Time' }, 'a window whose start is after its end');
add('kim/load-above-capacity_stop.txt', 'kim', kim(['0 0 0 0 2400 0 0 0', '1 100 200 800 1700 60 12 1', '3 500 500 0 2400 600 0 2']), { code: 'E3005', field: 'Load' }, 'a load above the vehicle capacity');
add('kim/duplicate-id_stop.txt', 'kim', kim(['0 0 0 0 2400 0 0 0', '1 100 200 800 1700 60 1.5 1', '1 300 100 0 2400 60 2 1', '3 500 500 0 2400 600 0 2']), { code: 'E3004', field: 'Stop_ID' }, 'a stop id twice');
add('kim/valid_stop.txt', 'kim', kim(), { outcome: 'ok' }, 'a small valid instance');

// ---------------------------------------------------------------- scenarios
const win = [[28800, 72000]];
const scenario = {
  format: 'binroute-scenario/1',
  name: 'tiny',
  synthetic: 'Test scenario.',
  sources: ['test'],
  bbox: [127.0, 37.5, 127.1, 37.6],
  densityKgPerLitre: 0.6,
  depots: [{ id: 'd1', name: 'Depot', location: [127.04, 37.54] }],
  hubs: [{ id: 'h1', name: 'Hub', dong: null, location: [127.05, 37.55], unloadSeconds: 600, openingHours: win }],
  fleet: [{ id: 'v1', type: 'bike', profile: 'bike', depot: 'd1', capacityKg: 100, capacityLitres: 200, speedKmh: 15, shift: [28800, 61200], costs: { fixed: 0, perHour: 20000, perKm: 100 }, hubs: ['h1'] }],
  bins: [1, 2, 3].map((i) => ({ id: `b${i}`, name: `Cafe ${i}`, dong: null, dongCode: null, location: [127.04 + i * 0.005, 37.545], capacityLitres: 50, capacityKg: 30, openingHours: win, serviceSeconds: 120, generation: { kgPerDay: 5, dayFactors: [1, 1, 1, 1, 1, 1, 1] }, sensor: true, franchise: false })),
};
const sc = (file, mutate, expect, what) => {
  const x = clone(scenario);
  mutate(x);
  add(`scenario/${file}`, 'scenario', js(x), expect, what);
};
sc('format-wrong.json', (x) => (x.format = 'binroute-scenario/2'), { code: 'E4004', field: 'scenario.format' }, 'an unknown format tag');
sc('bbox-inverted.json', (x) => (x.bbox = [127.1, 37.5, 127.0, 37.6]), { code: 'E4005', field: 'scenario.bbox' }, 'a bbox whose min is above its max');
sc('bin-outside-bbox.json', (x) => (x.bins[1].location = [126.9, 37.4]), { code: 'E4006', field: 'scenario.bins[1].location' }, 'a bin outside the area');
sc('window-start-after-end.json', (x) => (x.bins[0].openingHours = [[72000, 28800]]), { code: 'E4007', field: 'scenario.bins[0].openingHours[0]' }, 'opening hours that start after they end');
sc('bin-duplicate.json', (x) => (x.bins[2].id = 'b1'), { code: 'E4008', field: 'scenario.bins[2].id' }, 'two bins b1');
sc('vehicle-depot-dangling.json', (x) => (x.fleet[0].depot = 'nowhere'), { code: 'E4009', field: 'scenario.fleet[0].depot' }, 'a vehicle at a depot that does not exist');
sc('fleet-empty.json', (x) => (x.fleet = []), { code: 'E4010', field: 'scenario.fleet' }, 'an empty fleet');
sc('capacity-zero.json', (x) => (x.fleet[0].capacityKg = 0), { code: 'E4003', field: 'scenario.fleet[0].capacityKg' }, 'a vehicle of zero capacity');
sc('capacity-string.json', (x) => (x.bins[0].capacityKg = '30'), { code: 'E4003', field: 'scenario.bins[0].capacityKg' }, 'a string for a number');
sc('day-factors-six.json', (x) => (x.bins[2].generation.dayFactors = [1, 1, 1, 1, 1, 1]), { code: 'E4011', field: 'scenario.bins[2].generation.dayFactors' }, 'six day factors');
sc('many-bad-bins.json', (x) => { x.bins[0].location = [0, 0]; x.bins[1].serviceSeconds = -1; delete x.bins[2].name; }, { code: 'E4006', field: 'scenario.bins[0].location', problems: ['E4006', 'E4003', 'E4002'] }, 'three bad bins, all reported');
add('scenario/nan-literal.json', 'scenario', js(scenario).replace('"capacityKg": 100', '"capacityKg": NaN'), { code: 'E0005' }, 'NaN is not JSON');
add('scenario/truncated.json', 'scenario', js(scenario).slice(0, 200), { code: 'E0005' }, 'a file cut in the middle');
add('scenario/bom-crlf-bad-hub.json', 'scenario', BOM + crlf(js({ ...scenario, fleet: [{ ...scenario.fleet[0], hubs: ['h9'] }] })), { code: 'E4009', field: 'scenario.fleet[0].hubs[0]' }, 'BOM and CRLF: the real problem is still found');

// ---------------------------------------------------------------- readings
const csv = (rows) => `bin_id,timestamp,fill_percent\n${rows.join('\n')}\n`;
const good = ['b1,2026-11-01T08:00:00+09:00,10', 'b1,2026-11-01T09:00:00+09:00,12', 'b2,2026-11-01T08:00:00+09:00,40'];
const r = (file, text, expect, what) => add(`readings/${file}`, 'readings', text, expect, what);
r('all-nan.csv', csv(['b1,2026-11-01T08:00:00+09:00,NaN', 'b1,2026-11-01T09:00:00+09:00,Infinity']), { code: 'E5010', field: 'readings', problems: ['E5010', 'E5004', 'E5004'] }, 'every fill not a number: nothing usable');
r('all-out-of-range.csv', csv(['b1,2026-11-01T08:00:00+09:00,-3', 'b1,2026-11-01T09:00:00+09:00,1e9']), { code: 'E5010', field: 'readings', problems: ['E5010', 'E5005', 'E5005'] }, 'negative and huge fills');
r('all-bad-times.csv', csv(['b1,yesterday,10', 'b1,2026-13-45T99:00:00,12']), { code: 'E5010', field: 'readings', problems: ['E5010', 'E5003', 'E5003'] }, 'timestamps that are not ISO 8601');
r('header-wrong.csv', 'bin,when,level\nb1,2026-11-01T08:00:00+09:00,10\n', { code: 'E5011' }, 'columns not named');
r('empty.csv', '', { code: 'E5011' }, 'an empty file');
r('header-only.csv', 'bin_id,timestamp,fill_percent\n', { code: 'E5010', field: 'readings' }, 'no rows at all');
r('json-not-array.json', '{"readings": {"b1": 10}}\n', { code: 'E5011', field: 'readings' }, 'JSON without a readings array');
r('json-truncated.json', '{"readings": [{"binId": "b1", "time": "2026-11-01T08:00:00+09:00", "fillPercent": 1', { code: 'E0005' }, 'a JSON file cut in the middle');
r('json-deep.json', `{"readings": [], "x": ${'['.repeat(5000)}${']'.repeat(5000)}}`, { code: 'E0004', field: 'readings' }, '5,000 levels of nesting');
r('some-bad-rows.csv', csv([...good, 'b1,2026-11-01T10:00:00+09:00,abc', ',2026-11-01T10:00:00+09:00,5', 'b2,2026-11-01T09:00:00+09:00,200', 'b2,2026-11-01T08:00:00+09:00,41', 'b1,2026-11-01T11:00:00+09:00']),
  { outcome: 'ok', problems: ['E5004', 'E5001', 'E5005', 'E5007', 'E5001'] }, 'bad rows are reported with their codes, the good ones kept');
r('out-of-order.csv', csv(['b1,2026-11-01T08:00:00+09:00,10', 'b1,2026-11-01T10:00:00+09:00,14', 'b1,2026-11-01T09:00:00+09:00,12', 'b1,2026-11-01T11:00:00+09:00,16']), { outcome: 'ok', problems: ['E5006'] }, 'one timestamp out of order');
r('bom-crlf-valid.csv', BOM + crlf(csv(good)), { outcome: 'ok', problems: [] }, 'BOM and CRLF line ends are read');

rmSync(join(root, 'manifest.json'), { force: true });
writeFileSync(join(root, 'manifest.json'), `${JSON.stringify({ about: 'Bad-input corpus (#17): each file, its format and the expected outcome. Generated by scripts/gen-bad-inputs.mjs; run by test/reliability.badInputs.test.ts.', cases }, null, 1)}\n`);
console.log(`${cases.length} files in ${root}`);
