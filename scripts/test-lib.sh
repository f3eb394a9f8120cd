# shellcheck shell=bash
# The counting behind scripts/test.sh, kept apart so that scripts/test-counting.sh can test it on sample
# .trx files. Sourced, never run. Every function adds to the totals below; nothing here runs dotnet.
#
# The rules (see the header of scripts/test.sh for why):
#   - a test counts once per run it is in; a run is one project on one database;
#   - a project that ran zero tests is a step error, unless a filter matched nothing in it: then it is
#     one skipped step, "no tests matched the filter";
#   - a step that did not run (a SAFEGUARD_SKIP_* knob) counts the tests it would have run as skipped;
#   - anything skipped makes the run incomplete: exit status 2 when nothing failed.

PASSED=0 FAILED=0 SKIPPED=0
SUMMARY=()      # one line per run, printed before the final count
ERRORS=()       # steps that could not run or did not report; each counts as one failure

step_error() { ERRORS+=("$1"); echo "ERROR: $1" >&2; }

summary_row() { # summary_row NAME LABEL PASSED FAILED SKIPPED [NOTE]
  SUMMARY+=("$(printf '%-32s %-9s passed %4d  failed %3d  skipped %4d%s' "$1" "$2" "$3" "$4" "$5" "${6:+  ($6)}")")
}

trx_counter() { # trx_counter NAME FILE -> the Counters attribute NAME, 0 when absent
  local value
  value="$(grep -o '<Counters [^>]*>' "$2" | head -n1 | sed -nE "s/.*[[:space:]]$1=\"([0-9]+)\".*/\1/p")"
  echo "${value:-0}"
}

# count_skipped NAME LABEL COUNT REASON: a step that did not run; COUNT is how many tests it would have run.
count_skipped() {
  local count="$3"
  [[ "$count" =~ ^[0-9]+$ ]] && (( count > 0 )) || count=1
  SKIPPED=$((SKIPPED + count))
  summary_row "$1" "$2" 0 0 "$count" "not run: $4"
}

# count_run NAME LABEL TRX CONSOLE STATUS: adds one `dotnet test` run, read from its .trx file (or, when
# there is none, from the console's summary line). SAFEGUARD_TEST_FILTER says whether a filter was given.
# Sets RUN_EXECUTED to the number of tests the run executed.
count_run() {
  local name="$1" label="$2" trx="$3" console="$4" status="$5"
  local total=0 executed=0 p=0 f=0 s=0 found=0
  RUN_EXECUTED=0
  if [[ -f "$trx" ]]; then
    found=1
    total="$(trx_counter total "$trx")"
    executed="$(trx_counter executed "$trx")"
    p="$(trx_counter passed "$trx")"
    f=$(( $(trx_counter failed "$trx") + $(trx_counter error "$trx") + $(trx_counter timeout "$trx") + $(trx_counter aborted "$trx") ))
    # xunit's skipped tests are not executed but, in this logger, not counted as notExecuted either.
    s=$(( total - executed )); (( s >= 0 )) || s=0
  elif [[ -f "$console" ]] && grep -qE 'Failed:[[:space:]]+[0-9]+, Passed:[[:space:]]+[0-9]+' "$console"; then
    # No .trx (an old logger?): fall back to dotnet test's own summary line.
    found=1
    local line; line="$(grep -E 'Failed:[[:space:]]+[0-9]+, Passed:[[:space:]]+[0-9]+' "$console" | tail -n1)"
    f="$(sed -nE 's/.*Failed:[[:space:]]+([0-9]+).*/\1/p' <<<"$line")"
    p="$(sed -nE 's/.*Passed:[[:space:]]+([0-9]+).*/\1/p' <<<"$line")"
    s="$(sed -nE 's/.*Skipped:[[:space:]]+([0-9]+).*/\1/p' <<<"$line")"; s="${s:-0}"
    total=$((p + f + s)); executed=$((p + f))
  fi

  if (( found == 0 )); then
    summary_row "$name" "$label" 0 0 0 "no results"
    step_error "$name ($label): no test results (dotnet test exited $status; see $console)"
    return
  fi
  if (( total == 0 )); then
    if [[ -n "${SAFEGUARD_TEST_FILTER:-}" ]] && grep -qs 'No test matches the given testcase filter' "$trx" "$console"; then
      count_skipped "$name" "$label" 1 "no tests matched the filter"
    else
      summary_row "$name" "$label" 0 0 0 "ran no tests"
      step_error "$name ($label): ran no tests (dotnet test exited $status; see $console)"
    fi
    return
  fi
  RUN_EXECUTED="$executed"
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
  summary_row "$name" "$label" "$p" "$f" "$s"
  if (( status != 0 && f == 0 )); then
    step_error "$name ($label): dotnet test exited $status without a failed test (crash or hang; see $console)"
  fi
}

# check_provider_log NAME LABEL LOG EXPECTED: proves which database a run used. The test factory
# (tests/Safeguard.TestKit/SafeguardFactory.cs) writes one line per app it starts: the EF Core provider.
# EXPECTED empty: the project is run once and must not have started the factory at all.
check_provider_log() {
  local name="$1" label="$2" log="$3" expected="$4"
  local lines=0 others=""
  if [[ -f "$log" ]]; then
    lines="$(grep -c . "$log" || true)"
    others="$(grep -v -x -F "${expected:-(none)}" "$log" | sort -u | paste -sd, - || true)"
  fi
  if [[ -z "$expected" ]]; then
    if (( lines > 0 )); then
      step_error "$name ($label): started the test factory ($others) but is not treated as a project that uses it; it must run on both databases"
    fi
    return
  fi
  if [[ -n "$others" ]]; then
    step_error "$name ($label): the app ran on $others, not $expected"
  elif (( lines == 0 )) && (( RUN_EXECUTED > 0 )) && [[ -z "${SAFEGUARD_TEST_FILTER:-}" ]]; then
    step_error "$name ($label): no test started the app, so nothing proves it ran on $expected"
  fi
}

# check_project FILE: is a tests/*/*.csproj one that scripts/test.sh must run? Sets PROJECT_KIND to "run",
# "library" or "" (not a test project at all); a project that references the test packages without saying it is a
# test project (or that claims to be a library while carrying a test host or tests) is a step error.
check_project() {
  local project="$1" dir; dir="$(dirname "$project")"
  PROJECT_KIND=""
  if ! grep -qE 'Include="(xunit[^"]*|Microsoft\.NET\.Test\.Sdk)"' "$project"; then return; fi
  if grep -qE '<IsTestProject>[[:space:]]*true[[:space:]]*</IsTestProject>' "$project"; then PROJECT_KIND=run; return; fi
  if grep -qE '<IsTestProject>[[:space:]]*false[[:space:]]*</IsTestProject>' "$project"; then
    if grep -qE 'Include="(Microsoft\.NET\.Test\.Sdk|xunit\.runner\.visualstudio)"' "$project" \
       || grep -rqsE --include='*.cs' --exclude-dir=bin --exclude-dir=obj '\[(Fact|Theory)' "$dir"; then
      step_error "$project: marked IsTestProject false but has a test host or tests, so its tests would never run"
    else
      PROJECT_KIND=library
    fi
    return
  fi
  step_error "$project: references xunit or Microsoft.NET.Test.Sdk but is not marked <IsTestProject>true</IsTestProject> (or false, for a shared library), so dotnet test would not run it"
}

final_line() {
  if (( SKIPPED > 0 )); then echo "$PASSED passed, $((FAILED + ${#ERRORS[@]})) failed, $SKIPPED skipped"
  else echo "$PASSED passed, $((FAILED + ${#ERRORS[@]})) failed"; fi
}

exit_code() { # 0 all ran and passed; 1 something failed; 2 nothing failed but something did not run
  if (( FAILED + ${#ERRORS[@]} > 0 )); then echo 1
  elif (( SKIPPED > 0 )); then echo 2
  else echo 0; fi
}
