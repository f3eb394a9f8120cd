#!/usr/bin/env bash
# Safeguard's test command: builds once, runs every test project, runs the projects that use the
# database a second time on a throw-away PostgreSQL, checks the running app against the API contract,
# and ends with one line "N passed, N failed" or "N passed, N failed, N skipped".
#
# What the count means (the counting itself is in scripts/test-lib.sh, tested by scripts/test-counting.sh,
# which this script runs first):
#   - A run is one test project on one database; the summary shows one row per run, labelled:
#       sqlite / postgres  a project whose tests start the app through SafeguardFactory (today
#                          Safeguard.Web.Tests), run once on each database;
#       once               every other project (Core, Matching, Browser...): it picks its own database, if
#                          any (in-memory SQLite, a SQLite file), so running it twice would only repeat it;
#       api                the contract check.
#     A test in a sqlite run and again in the postgres run is two results, not one counted twice: the
#     same steps against a different database engine (SQL translation, collation, time zones,
#     concurrency) can and do give a different result, and each is reported by its provider.
#   - Which database a run used is proved, not assumed: the factory refuses to start if the app's EF
#     Core provider is not the one asked for, and writes the provider of every app it starts to a log
#     that this script reads back (a postgres run that did not use Npgsql, or a "once" project that
#     started the factory, is a step failure).
#   - A tests/*/*.csproj that references xunit or Microsoft.NET.Test.Sdk must say <IsTestProject>true
#     (or false, for a shared library with no tests and no test host); otherwise it is a step failure.
#   - A project that runs zero tests is a step failure, unless SAFEGUARD_TEST_FILTER matched nothing in
#     it: then that project is one skipped step ("no tests matched the filter").
#   - A step skipped by a knob counts the tests it would have run as skipped (the tests listed by
#     `dotnet test --list-tests` for the browser tests, the sqlite run's count for the postgres run,
#     1 for the contract check).
#   - Each step failure (a build, install, server or crash) counts as one failed test.
#
# Exit status:
#   0  every step ran and nothing failed or was skipped
#   1  a test or a step failed
#   2  nothing failed, but the run was not complete: something was skipped (a knob, a filter that
#      matched nothing in a project, or a test skipped in code)
#
# It installs what it needs when missing (as root, or through sudo):
#   - Debian packages chromium, chromium-driver and postgresql (apt-get), for the browser tests and
#     the PostgreSQL run;
#   - axe-core for the accessibility checks (npm ci in tests/Safeguard.Browser.Tests).
#
# Knobs (environment variables):
#   SAFEGUARD_SKIP_BROWSER=1    skip the browser tests (a quick run; no Chromium needed); counted skipped
#   SAFEGUARD_SKIP_POSTGRES=1   skip the second run on PostgreSQL; counted skipped
#   SAFEGUARD_SKIP_CONTRACT=1   skip the API contract check against the running app; counted skipped
#   SAFEGUARD_SKIP_BENCH=1      skip running every benchmark at a tiny size (about 4 min); counted skipped
#   SAFEGUARD_SKIP_BUILD=1      reuse the existing Release build (after editing only tests' data, say)
#   SAFEGUARD_NO_INSTALL=1      never install anything; a missing tool fails its step
#   SAFEGUARD_TEST_FILTER=EXPR  passed to `dotnet test --filter` (e.g. "FullyQualifiedName~Matching")
#   SAFEGUARD_RESULTS=DIR       where .trx files and logs go, emptied first (default: .test-work/results)
#   SAFEGUARD_HANG_TIMEOUT=10m  a test project still running after this is stopped and counted failed
#
# Times on a 2-core machine (2 December 2026): about 19 min in all (the tiny benchmarks about 4 min of it), 35 min when the machine ran slow; the browser tests
# and the Web tests on each database take most of it (docs/operations.md, "Tests").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CONFIGURATION=Release
RESULTS="${SAFEGUARD_RESULTS:-$ROOT/.test-work/results}"
HANG_TIMEOUT="${SAFEGUARD_HANG_TIMEOUT:-10m}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=scripts/test-lib.sh
source "$ROOT/scripts/test-lib.sh"   # PASSED FAILED SKIPPED SUMMARY ERRORS and the counting functions
SQLITE_PROVIDER=Microsoft.EntityFrameworkCore.Sqlite POSTGRES_PROVIDER=Npgsql.EntityFrameworkCore.PostgreSQL

TMP_ROOT="$(mktemp -d /tmp/safeguard-test.XXXXXX)"
chmod 755 "$TMP_ROOT"   # the postgres user must reach its data folder inside
PG_BIN="" PG_DATA="" WEB_PID=""

log() { printf '\n==> %s\n' "$*"; }
is_on() { [[ "${!1:-}" == 1 || "${!1:-}" == true ]]; }
as_root() { if [[ "$(id -u)" == 0 ]]; then "$@"; else sudo "$@"; fi; }
# PostgreSQL refuses to run as root: as root, run its tools as the postgres user the package creates.
as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"
  elif [[ "$(id -un)" == postgres ]]; then "$@"
  else sudo -u postgres "$@"; fi
}
http_ok() { # http_ok URL: true when it answers 2xx
  if command -v curl >/dev/null; then curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
  else python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' "$1" 2>/dev/null; fi
}

cleanup() {
  set +e
  if [[ -n "$WEB_PID" ]] && kill -0 "$WEB_PID" 2>/dev/null; then
    kill "$WEB_PID"; wait "$WEB_PID" 2>/dev/null
  fi
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
  fi
  # MSBuild nodes and the compiler server outlive the build; end them so nothing is left running.
  dotnet build-server shutdown >/dev/null 2>&1
  rm -rf "$TMP_ROOT"
}
trap cleanup EXIT

free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    local port
    for port in $(shuf -i 20000-60000 -n 50); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    return 1
  fi
}

# --- 1. Tools -------------------------------------------------------------------------------------
install_packages() {
  local packages=()
  if ! is_on SAFEGUARD_SKIP_BROWSER && [[ ! -x /usr/bin/chromium ]]; then packages+=(chromium chromium-driver); fi
  if ! is_on SAFEGUARD_SKIP_POSTGRES && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then packages+=(postgresql); fi
  if (( ${#packages[@]} == 0 )); then return 0; fi
  if is_on SAFEGUARD_NO_INSTALL; then step_error "missing ${packages[*]} and SAFEGUARD_NO_INSTALL is set"; return 0; fi
  log "Installing ${packages[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}" \
    || step_error "apt-get install ${packages[*]} failed"
}

install_axe() {
  local dir="$ROOT/tests/Safeguard.Browser.Tests"
  if is_on SAFEGUARD_SKIP_BROWSER || [[ -f "$dir/node_modules/axe-core/axe.min.js" ]]; then return 0; fi
  if is_on SAFEGUARD_NO_INSTALL || ! command -v npm >/dev/null; then step_error "axe-core is not installed (npm ci in $dir)"; return 0; fi
  log "Installing axe-core (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund) || step_error "npm ci in tests/Safeguard.Browser.Tests failed"
}

install_packages
install_axe

# --- The counting's own tests (a few seconds, no dotnet) -------------------------------------------
self_test() {
  local out="$TMP_ROOT/test-counting.log" line p f
  log "scripts/test-counting.sh"
  bash "$ROOT/scripts/test-counting.sh" >"$out" 2>&1 || true
  sed 's/^/  counting: /' "$out"
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n1 || true)"
  if [[ -z "$line" ]]; then step_error "scripts/test-counting.sh did not report 'N passed, N failed'"; return; fi
  p="$(sed -nE 's/^([0-9]+) passed.*/\1/p' <<<"$line")"
  f="$(sed -nE 's/^[0-9]+ passed, ([0-9]+) failed$/\1/p' <<<"$line")"
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  summary_row test-counting.sh script "$p" "$f" 0
}
self_test

# --- 2. Build once ---------------------------------------------------------------------------------
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
BUILT=1
if is_on SAFEGUARD_SKIP_BUILD; then
  log "Skipping the build (SAFEGUARD_SKIP_BUILD)"
else
  log "Building Safeguard.slnx ($CONFIGURATION)"
  set +e
  dotnet build Safeguard.slnx -c "$CONFIGURATION" 2>&1 | tee "$RESULTS/build.log"
  build_status="${PIPESTATUS[0]}"
  set -e
  if (( build_status != 0 )); then BUILT=0; step_error "the build failed (see $RESULTS/build.log)"; fi
fi

# --- 3. Test runs ----------------------------------------------------------------------------------
# run_tests PROJECT LABEL EXPECTED_PROVIDER [ENV=VALUE...]: one project on one database (EXPECTED_PROVIDER
# is the EF Core provider the test factory must report, empty for a project that does not use it).
run_tests() {
  local project="$1" label="$2" expected="$3"; shift 3
  local name; name="$(basename "$project" .csproj)"
  local trx="$name-$label.trx" console="$RESULTS/$name-$label.log" providers="$RESULTS/$name-$label.providers"
  local args=(test "$project" --no-build -c "$CONFIGURATION" --results-directory "$RESULTS"
              --logger "trx;LogFileName=$trx" --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none)
  # Tests marked [Trait("Provider", "postgres")] need PostgreSQL itself (database roles): the SQLite run leaves them
  # out rather than counting them skipped; the postgres run holds them. Tests marked [Trait("Provider", "sqlite")]
  # never touch the database the run is for (they start the app as a process on its own SQLite folder): the postgres
  # run leaves them out, as it would only repeat them.
  local filter="${SAFEGUARD_TEST_FILTER:-}"
  if [[ "$label" == sqlite ]]; then filter="${filter:+($filter)&}Provider!=postgres"; fi
  if [[ "$label" == postgres ]]; then filter="${filter:+($filter)&}Provider!=sqlite"; fi
  if [[ -n "$filter" ]]; then args+=(--filter "$filter"); fi

  log "$name ($label)"
  local status
  rm -f "$providers"
  set +e
  env "$@" SAFEGUARD_TEST_PROVIDER_LOG="$providers" dotnet "${args[@]}" 2>&1 | tee "$console"
  status="${PIPESTATUS[0]}"
  set -e
  count_run "$name" "$label" "$RESULTS/$trx" "$console" "$status"
  check_provider_log "$name" "$label" "$providers" "$expected"
}

# list_tests PROJECT: how many tests the project holds (for a step skipped by a knob); 1 if not knowable.
list_tests() {
  local count
  count="$(dotnet test "$1" --no-build -c "$CONFIGURATION" --list-tests 2>/dev/null \
    | sed -n '/The following Tests are available:/,$p' | grep -c '^    ' || true)"
  if [[ "$count" =~ ^[0-9]+$ ]] && (( count > 0 )); then echo "$count"; else echo 1; fi
}

start_postgres() {
  PG_BIN="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n1)"
  if [[ -z "$PG_BIN" || ! -x "$PG_BIN/initdb" ]]; then step_error "PostgreSQL is not installed"; return 1; fi
  local dir="$TMP_ROOT/postgres"
  mkdir -p "$dir"
  if [[ "$(id -u)" == 0 ]]; then chown postgres "$dir"; fi
  PG_PORT="$(free_port)"
  PG_DATA="$dir/data"
  log "Starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT"
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$RESULTS/postgres-initdb.log" 2>&1 \
    || { step_error "initdb failed (see $RESULTS/postgres-initdb.log)"; PG_DATA=""; return 1; }
  # Throw-away: no fsync, sockets in our own folder, loopback only; no autovacuum or JIT (hundreds of small databases
  # each live for one test), the least WAL.
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$dir/postgres.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $dir -F -c max_connections=200 -c full_page_writes=off -c autovacuum=off -c jit=off -c synchronous_commit=off -c wal_level=minimal -c max_wal_senders=0" start >/dev/null \
    || { cp "$dir/postgres.log" "$RESULTS/postgres.log" 2>/dev/null; step_error "PostgreSQL did not start (see $RESULTS/postgres.log)"; return 1; }
}

contract_check() {
  local checker="$ROOT/../shared/tools/contract-check.py"
  if ! command -v python3 >/dev/null; then step_error "contract check: python3 is not installed"; return; fi
  if [[ ! -f "$checker" ]]; then step_error "contract check: $checker is missing"; return; fi
  local port token data url
  port="$(free_port)"
  token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  data="$TMP_ROOT/contract-data"
  url="http://127.0.0.1:$port"
  mkdir -p "$data"
  log "Contract check against $url"
  Safeguard__BootstrapToken="$token" Safeguard__DataFolder="$data" \
    dotnet "src/Safeguard.Web/bin/$CONFIGURATION/net10.0/Safeguard.Web.dll" --urls "$url" \
    --contentRoot "$ROOT/src/Safeguard.Web" >"$RESULTS/contract-server.log" 2>&1 &
  WEB_PID=$!
  local waited=0
  until http_ok "$url/health"; do
    if ! kill -0 "$WEB_PID" 2>/dev/null; then step_error "contract check: the app exited while starting (see $RESULTS/contract-server.log)"; WEB_PID=""; return; fi
    if (( waited >= 120 )); then step_error "contract check: the app did not answer /health within 60 s"; return; fi
    sleep 0.5; waited=$((waited + 1))
  done
  python3 "$checker" "$url" "$token" >"$RESULTS/contract-check.log" 2>&1 || true
  sed 's/^/  contract: /' "$RESULTS/contract-check.log"
  kill "$WEB_PID" 2>/dev/null; wait "$WEB_PID" 2>/dev/null || true; WEB_PID=""
  local line p f
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$RESULTS/contract-check.log" | tail -n1 || true)"
  if [[ -z "$line" ]]; then step_error "contract check: no 'N passed, N failed' line (see $RESULTS/contract-check.log)"; return; fi
  p="$(sed -nE 's/^([0-9]+) passed.*/\1/p' <<<"$line")"
  f="$(sed -nE 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/p' <<<"$line")"
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  summary_row contract-check.py api "$p" "$f" 0
}

# bench_smoke LABEL [SERVER]: every benchmark in bench/ at a tiny size, on SQLite or (given a PostgreSQL server's
# connection string) on PostgreSQL, so the benchmark code cannot rot. Only that each one runs to the end is checked:
# speed is measured in bench/, never asserted here. Each benchmark that exits 0 counts as one passed test.
bench_smoke() {
  local label="$1" server="${2:-}" dll="bench/Safeguard.Bench/bin/$CONFIGURATION/net10.0/Safeguard.Bench.dll"
  local out="$TMP_ROOT/bench-$label" p=0 f=0 run name status
  local runs=()
  if [[ -z "$server" ]]; then
    runs=("--only accuracy" "--only speed --sizes 2000" "--only tune" "--only record --history 20 --samples 5"
          "--only search --people 2000 --samples 10" "--only rederive --small" "--only dashboard --people 150 --samples 1"
          "--only scale --people 150 --seconds 1 --clients 4 --import-rows 50")
  else
    runs=("--only record --history 20 --samples 5 --providers postgres --postgres $server"
          "--only search --people 2000 --samples 10 --postgres $server;Database=bench_search"
          "--only rederive --small --postgres $server;Database=bench_rederive"
          "--only dashboard --people 150 --samples 1 --postgres $server"
          "--only scale --people 150 --seconds 1 --clients 4 --import-rows 50 --postgres $server")
  fi
  if is_on SAFEGUARD_SKIP_BENCH; then count_skipped Safeguard.Bench "$label" "${#runs[@]}" SAFEGUARD_SKIP_BENCH; return; fi
  mkdir -p "$out"
  log "Benchmarks at a tiny size ($label)"
  for run in "${runs[@]}"; do
    local run_args=()
    read -r -a run_args <<<"$run"
    name="${run_args[1]}"
    set +e
    timeout 10m dotnet "$dll" "${run_args[@]}" --results "$out" >"$RESULTS/bench-$name-$label.log" 2>&1
    status=$?
    set -e
    if (( status == 0 )); then p=$((p + 1)); echo "  bench $name: ran"
    else f=$((f + 1)); echo "  bench $name: FAILED (exit $status, see $RESULTS/bench-$name-$label.log)"; tail -n 5 "$RESULTS/bench-$name-$label.log" | sed 's/^/    /'; fi
  done
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f))
  summary_row Safeguard.Bench "$label" "$p" "$f" 0
}

# --- Runs ----------------------------------------------------------------------------------------
# Every tests/*/*.csproj that references the test packages must say whether it is a test project.
TEST_PROJECTS=()
for project in tests/*/*.csproj; do
  check_project "$project"
  if [[ "$PROJECT_KIND" == run ]]; then TEST_PROJECTS+=("$project"); fi
done
# A project "uses the database" when its tests start the app through SafeguardFactory; the provider
# log proves it afterwards either way (check_provider_log).
uses_factory() { grep -rqs --include='*.cs' --exclude-dir=bin --exclude-dir=obj --exclude-dir=node_modules 'SafeguardFactory' "$(dirname "$1")"; }

if (( BUILT == 1 )); then
  FACTORY_PROJECTS=() FACTORY_EXECUTED=()
  for project in "${TEST_PROJECTS[@]}"; do
    name="$(basename "$project" .csproj)"
    if [[ "$project" == *Browser.Tests* ]] && is_on SAFEGUARD_SKIP_BROWSER; then
      count_skipped "$name" once "$(if [[ -n "${SAFEGUARD_TEST_FILTER:-}" ]]; then echo 1; else list_tests "$project"; fi)" SAFEGUARD_SKIP_BROWSER
      continue
    fi
    if uses_factory "$project"; then
      run_tests "$project" sqlite "$SQLITE_PROVIDER" SAFEGUARD_TEST_PROVIDER=sqlite
      FACTORY_PROJECTS+=("$project") FACTORY_EXECUTED+=("$RUN_EXECUTED")
    else
      run_tests "$project" once "" -u SAFEGUARD_TEST_PROVIDER
    fi
  done

  bench_smoke sqlite

  # --- 4. The projects that use the factory again, on a throw-away PostgreSQL ----------------------
  if is_on SAFEGUARD_SKIP_POSTGRES; then
    for i in "${!FACTORY_PROJECTS[@]}"; do
      count_skipped "$(basename "${FACTORY_PROJECTS[$i]}" .csproj)" postgres "${FACTORY_EXECUTED[$i]}" SAFEGUARD_SKIP_POSTGRES
    done
  elif (( ${#FACTORY_PROJECTS[@]} > 0 )) && start_postgres; then
    for project in "${FACTORY_PROJECTS[@]}"; do
      run_tests "$project" postgres "$POSTGRES_PROVIDER" SAFEGUARD_TEST_PROVIDER=postgres \
        "SAFEGUARD_TEST_POSTGRES=Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
    done
    bench_smoke postgres "Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi

  # --- 5. The API contract check against the running app ------------------------------------------
  if is_on SAFEGUARD_SKIP_CONTRACT; then
    count_skipped contract-check.py api 1 SAFEGUARD_SKIP_CONTRACT
  else
    contract_check
  fi
fi

# --- 6. Summary ------------------------------------------------------------------------------------
log "Summary ($((SECONDS / 60)) min $((SECONDS % 60)) s; results in $RESULTS)"
for line in "${SUMMARY[@]}"; do echo "  $line"; done
for error in "${ERRORS[@]}"; do echo "  step failed: $error"; done
final_line
exit "$(exit_code)"
