/** The `binroute --help` text. */
export const USAGE = `Usage:
  binroute solve <file> [--time-limit <s>] [--iterations <n>] [--seed <n>]
                 [--output <file>] [--quiet]
  binroute solve -i <file> [-o <file>] [-l <s>] [-t <threads>] [-x <level>]   (VROOM's flags)
  binroute solve - ...     (or no file with piped stdin: the problem is read from stdin)
  binroute bench [--suite x-dev|x-all|abp|solomon|mtvrptwr|kim|seongdong|seongdong-day|matrix]
                 [--time-limit <s>] [--iterations <n>] [--seeds <k>] [--instances <a,b,...>]
                 [--data <dir>] [--out-dir <dir>] [--quiet] [--no-local-search] [--runs <n>]
                 [--budgets <a,b,...>] [--fixed-cost] [--no-breaks] [--time-warp]
                 [--budget-per-n <s>]
  binroute bench --suite forecast-edinburgh [--data <path>] [--out <dir>]
  binroute bench --suite simulate --scenario <file> [--days <n>] [--seed <n>] [--seeds <k>]
                 [--warmup-days <n>] [--prize-weight <w>] [--prize-weights <a,b,...>]
                 [--time-limit <s> | --iterations <n>] [--out <dir>]
  binroute plan --scenario <file> --date <YYYY-MM-DD> [--out <dir>] [--time-limit <s>]
                 [--iterations <n>] [--seed <n>] [--cycle-days <n>] [--map <geojson>]
                 [--matrix road|haversine|osrm] [--osrm <url>] [--osrm-profile <p>]
                 [--hour <0-23>] [--speeds <json>] [--readings <file>] [--now <time>]
                 [--lang ko|en] [--quiet]
  binroute simulate --scenario <file> --start <YYYY-MM-DD> [--days <n>] [--seed <n>]
                 [--out <dir>] [--format csv|json|both] [--quiet]
  binroute forecast --readings <file> [--scenario <file>] [--collections <file>]
                 [--now <time>] [--at <time>] [--out <file>] [--quiet]
  binroute --help | --version

solve   Solve one instance; the format is recognised from the name and content:
          CVRPLIB .vrp (TYPE CVRP; EUC_2D, CEIL_2D or EXPLICIT)  -> CVRPLIB .sol
          VROOM JSON (.json or starts with "{"), Solomon .txt (VEHICLE/CUSTOMER),
          MTVRPTWR .vrp (TYPE: MTVRPTWR), Kim NNN_stop.txt    -> VROOM-style JSON
        The solution goes to --output, or to stdout; a one-line summary goes to
        stdout with --output, else to stderr.
        -i, --input <file>      the instance file (the same as giving <file>); - is stdin
        -l, --time-limit <s>    wall-clock budget in seconds (default 10 unless --iterations)
        --iterations <n>        iteration budget; alone it means no time limit, and with
                                --seed the output is identical from run to run
        --seed <n>              random seed, 0..4294967295 (default 1)
        -o, --output <file>     write the solution there
        --quiet                 no summary, no progress
        -t, --threads <n>       accepted for VROOM users (a positive integer) and ignored:
                                a solve runs on one thread
        -x, --explore <0..5>    VROOM's exploration level: without -l or --iterations, the
                                time limit is 1, 2, 3, 5, 7 or 10 s (5 = the default)
        -g, --geometry          route geometry: not supported yet (exit 2)
        Ctrl-C stops the search and still writes the best solution found (exit 0).

bench   Run a suite of shared CVRPLIB instances (seeds 1..k), verify every solution,
        print a table of gaps to the best-known costs and write a JSON report.
        --suite <name>     x-dev (12 X instances, default), x-all (100 X), abp (A, B, P),
                           solomon (56 VRPTW, min distance), mtvrptwr (81 100-client
                           instances; --instances may name any of the 171), kim (10 wcvrptw),
                           homberger (60 Homberger-Gehring 200-customer VRPTW; with
                           --fixed-cost, like solomon, every vehicle costs more than any
                           route and the hierarchical best-known table is the reference),
                           seongdong (a day of seongdong-200 and -846 end to end: road
                           matrices, solve, geometry, report; default 5 s per solve;
                           --instances seoul-10k for the 10,000-bin day),
                           seongdong-day (the 846-café day with and without hubs at each
                           of --budgets, default 1,5,60 s, seeds 1..3; --instances hubs or
                           no-hubs), matrix (road and haversine matrix build times per
                           profile for seongdong-200 and -846, far connectors, distance ratios),
                           forecast-edinburgh (fill forecasts of 334 Edinburgh litter bins:
                           the last 20 % of each bin's emptyings from earlier ones, MAE
                           against three naive baselines; writes predictions.csv,
                           baselines.csv and summary.json to --out, default
                           bench/results/forecast-edinburgh-<time>/),
                           simulate (28 days of three policies, fixed schedule, threshold
                           and binroute, on one ground truth per seed, after a 7-day
                           warm-up (--warmup-days); seeds --seed … --seed+k-1 with --seeds k;
                           binroute also at each --prize-weights (default w/3, w, 3w for
                           --prize-weight w, default 900); summary.json, tradeoff.svg)
        --time-limit <s>   seconds per run (default 10 unless --iterations)
        --iterations <n>   iterations per run
        --seeds <k>        runs per instance, seeds 1..k (default 1)
        --first-seed <n>   CVRP and collection suites: seeds n..n+k-1 instead (e.g. one
                           more seed of a long run: --first-seed 2 --seeds 1)
        --instances <a,b>  only these instances (names from the suite's sets)
        --budgets <a,b>    seongdong-day: the wall budgets in seconds
        --fixed-cost       solomon, homberger: vehicles first (a fixed cost per vehicle)
        --no-breaks        kim: leave the lunch breaks out (what breaks cost the search)
        --time-warp        collection suites: penalised time windows on eligible VRPTW-like
                           instances (off by default; docs/benchmarks.md)
        --budget-per-n <s> CVRP suites: a time limit of s × customers per instance (the
                           long-budget protocol of HGS-CVRP and PyVRP: 2.4)
        --data <dir>       the benchmarks folder (default: ../shared/benchmarks, searched
                           upwards from the current directory and from binroute itself)
        --out-dir <dir>    where the JSON goes (default: bench/results in the package)
        --quiet            no progress lines
        --no-local-search  CVRP suites: ruin and recreate without the local search
                           (to measure what the local search brings)
        --runs <n>         matrix suite: builds timed per provider and profile (default 5)

plan    The day's collection plan of a scenario (binroute-scenario/1, e.g.
        fixtures/seongdong/seongdong-846.json): bins as jobs (kg and litres, opening
        hours), hubs as unloading facilities, the fleet with shifts and a lunch break.
        Travel: shortest paths on the road network of --map (default map.geojson
        beside the scenario), --matrix haversine for straight lines x 1.3, or
        --osrm <url> for your own OSRM server's /table (profile --osrm-profile).
        --hour H uses TOPIS's mean road speeds at hour H (speeds.json beside the
        scenario, or --speeds) for the day's type (weekday or weekend).
        With --readings (CSV or JSON of sensor readings, e.g. from simulate) each
        bin's fill is forecast at --now (default 07:00 of --date, UTC+9) and the
        bin is must-go, may-go (an optional job with a prize) or skipped
        (docs/selection.md; selection.csv is written too); without, a bin's amount
        is its expected generation over --cycle-days days (default 2) and every bin
        goes. Solves for --time-limit seconds (default 5),
        writes problem.json (VROOM JSON), solution.json (VROOM output),
        routes.geojson, instructions.<lang>.txt (turn-by-turn, Korean unless
        --lang en) and report.html (an offline SVG map and tables; background
        from --map or map.geojson beside the scenario) to --out (default out/),
        and prints km, hours, kg and the time split.

simulate  Hourly fill readings of a scenario's bin sensors (binroute-scenario/1, e.g.
        fixtures/seongdong/seongdong-846.json) over --days days (default 28) from a
        ground-truth fill process: noise, lost readings, spikes, stuck and dead sensors,
        and a daily collection round that empties bins at 70 % or more. Writes
        readings.csv, collections.csv, faults.csv, truth.csv (--format csv, default),
        simulation.json (json) or all (both) to --out (default readings/).

forecast  Fill forecasts per bin from sensor readings (readings.csv or simulation.json of
        binroute simulate: bin_id,timestamp,fill_percent): readings cleaned (spikes,
        stuck and dead sensors, emptyings found in the data, or taken from
        --collections, a CSV with the same columns), a fill rate per bin with
        day-of-week and hour-of-day factors, bins with little history leaning on
        similar ones, and a schedule-based estimate for bins without a working sensor.
        --scenario gives the bins (all of them are reported; bins with sensor false,
        expected generation, opening hours). Writes CSV (bin_id, status, basis,
        fill_now, fill_at, q10_at, q90_at, p_overflow_at, rate_per_day, note) for
        --at (default 24 h after --now; --now defaults to the last reading) to --out
        or stdout. Bad rows are listed on stderr with their line and skipped; a file
        with no usable row exits 2.

Exit codes: 0 success; 1 internal error (bug); 2 bad arguments, unreadable or invalid
input file (one line per problem, ending with its code, e.g. [E1002]: docs/errors.md);
130 bench interrupted by Ctrl-C (partial results are still written). --debug anywhere
prints the stack trace of an error.
`;
