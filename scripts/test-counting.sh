#!/usr/bin/env bash
# Tests of scripts/test-lib.sh, the counting behind scripts/test.sh, on sample .trx files and projects.
# Plain bash, no dotnet, a second or two. scripts/test.sh runs it first and counts its result.
# Ends with "N passed, N failed"; exit status 0 only if every case passed.
set -uo pipefail
unset SAFEGUARD_TEST_FILTER   # the cases set it themselves; the caller's filter must not change them

LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/test-lib.sh"
WORK="$(mktemp -d /tmp/safeguard-test-counting.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
OK=0 NOT_OK=0

# trx FILE TOTAL EXECUTED PASSED FAILED [RUNINFO]: a .trx as the VSTest logger writes it (only what is read).
trx() {
  cat >"$1" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
  <ResultSummary outcome="Completed">
    <Counters total="$2" executed="$3" passed="$4" failed="$5" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
    <RunInfos><RunInfo outcome="Warning"><Text>${6:-}</Text></RunInfo></RunInfos>
  </ResultSummary>
</TestRun>
EOF
}

# case NAME EXPECTED_FINAL_LINE EXPECTED_EXIT_CODE COMMANDS: runs COMMANDS against a fresh copy of the
# counting state, then compares the final line and the exit status scripts/test.sh would give.
case_() {
  local name="$1" want_line="$2" want_code="$3" commands="$4" got
  got="$(
    # shellcheck source=scripts/test-lib.sh
    source "$LIB"
    cd "$WORK" || exit 99
    eval "$commands" 2>/dev/null
    echo "$(final_line)|$(exit_code)"
  )"
  if [[ "$got" == "$want_line|$want_code" ]]; then OK=$((OK + 1)); echo "ok - $name"
  else NOT_OK=$((NOT_OK + 1)); echo "not ok - $name: wanted \"$want_line\" exit $want_code, got \"${got%|*}\" exit ${got##*|}"; fi
}

cd "$WORK" || exit 1
trx normal.trx 5 5 4 1
trx all-passed.trx 3 3 3 0
trx zero.trx 0 0 0 0
trx no-match.trx 0 0 0 0 'No test matches the given testcase filter `FullyQualifiedName~Nothing` in x.dll'
trx one-skipped.trx 3 2 2 0
echo "Build succeeded." >empty.log
printf 'Passed!  - Failed:     0, Passed:     7, Skipped:     2, Total:     9\n' >summary.log
mkdir -p run/Run.Tests missing/Missing.Tests library/Kit shares/Shares.Tests plain/Plain
echo '<Project><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="xunit" /><PackageReference Include="Microsoft.NET.Test.Sdk" /></ItemGroup></Project>' >run/Run.Tests/Run.Tests.csproj
echo '<Project><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" /><PackageReference Include="xunit" /></ItemGroup></Project>' >missing/Missing.Tests/Missing.Tests.csproj
echo '<Project><PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="xunit" /></ItemGroup></Project>' >library/Kit/Kit.csproj
echo '<Project><PropertyGroup><IsTestProject>false</IsTestProject></PropertyGroup><ItemGroup><PackageReference Include="xunit" /></ItemGroup></Project>' >shares/Shares.Tests/Shares.Tests.csproj
echo 'public class T { [Fact] public void A() {} }' >shares/Shares.Tests/T.cs
echo '<Project><ItemGroup><PackageReference Include="CsvHelper" /></ItemGroup></Project>' >plain/Plain/Plain.csproj
printf 'Microsoft.EntityFrameworkCore.Sqlite\nMicrosoft.EntityFrameworkCore.Sqlite\n' >sqlite.providers
printf 'Npgsql.EntityFrameworkCore.PostgreSQL\nNpgsql.EntityFrameworkCore.PostgreSQL\n' >npgsql.providers
printf 'Npgsql.EntityFrameworkCore.PostgreSQL\nMicrosoft.EntityFrameworkCore.Sqlite\n' >mixed.providers
N=Npgsql.EntityFrameworkCore.PostgreSQL

case_ "every run passing exits 0 with no skipped part" "3 passed, 0 failed" 0 \
  'count_run P sqlite all-passed.trx x.log 0'
case_ "a failed test is counted and exits 1" "4 passed, 1 failed" 1 \
  'count_run P once normal.trx x.log 1'
case_ "one project on two databases is two labelled runs" "6 passed, 0 failed" 0 \
  'count_run P sqlite all-passed.trx x.log 0; count_run P postgres all-passed.trx x.log 0; [[ ${#SUMMARY[@]} == 2 && ${SUMMARY[0]} == *sqlite* && ${SUMMARY[1]} == *postgres* ]] || PASSED=999'
case_ "a project that runs zero tests fails the run" "0 passed, 1 failed" 1 \
  'count_run P once zero.trx empty.log 0'
case_ "zero tests under a filter, without dotnet saying the filter matched nothing, is still a failure" "0 passed, 1 failed" 1 \
  'SAFEGUARD_TEST_FILTER=Name~X; count_run P once zero.trx empty.log 0'
case_ "a filter that matched nothing in a project is one skipped step, never green" "0 passed, 0 failed, 1 skipped" 2 \
  'SAFEGUARD_TEST_FILTER=Name~Nothing; count_run P once no-match.trx empty.log 0; [[ ${SUMMARY[0]} == *"no tests matched the filter"* ]] || PASSED=999'
case_ "a step skipped by a knob shows as skipped and exits 2" "3 passed, 0 failed, 41 skipped" 2 \
  'count_run P once all-passed.trx x.log 0; count_skipped Safeguard.Browser.Tests once 41 SAFEGUARD_SKIP_BROWSER'
case_ "a skipped step whose size is not known counts one" "0 passed, 0 failed, 1 skipped" 2 \
  'count_skipped contract-check.py api "" SAFEGUARD_SKIP_CONTRACT'
case_ "a test skipped in code is counted skipped" "2 passed, 0 failed, 1 skipped" 2 \
  'count_run P once one-skipped.trx x.log 0'
case_ "without a .trx the console summary line is read" "7 passed, 0 failed, 2 skipped" 2 \
  'count_run P once absent.trx summary.log 0'
case_ "no results at all is a failure" "0 passed, 1 failed" 1 \
  'count_run P once absent.trx empty.log 0'
case_ "dotnet test failing without a failed test (a crash) is a failure" "3 passed, 1 failed" 1 \
  'count_run P once all-passed.trx x.log 134'
case_ "a postgres run whose app ran on Npgsql passes the provider check" "3 passed, 0 failed" 0 \
  "count_run P postgres all-passed.trx x.log 0; check_provider_log P postgres npgsql.providers $N"
case_ "a postgres run whose app ran on SQLite fails the provider check" "3 passed, 1 failed" 1 \
  "count_run P postgres all-passed.trx x.log 0; check_provider_log P postgres mixed.providers $N"
case_ "a postgres run that never started the app proves nothing and fails" "3 passed, 1 failed" 1 \
  "count_run P postgres all-passed.trx x.log 0; check_provider_log P postgres absent.providers $N"
case_ "a project run once that started the test factory fails" "3 passed, 1 failed" 1 \
  'count_run P once all-passed.trx x.log 0; check_provider_log P once sqlite.providers ""'
case_ "a test project that is not marked IsTestProject fails the run" "0 passed, 1 failed" 1 \
  'check_project missing/Missing.Tests/Missing.Tests.csproj; [[ -z $PROJECT_KIND ]] || PASSED=999'
case_ "a project marked IsTestProject false but holding tests fails the run" "0 passed, 1 failed" 1 \
  'check_project shares/Shares.Tests/Shares.Tests.csproj'
case_ "test projects are run, a shared library and a plain project are not, without failing" "0 passed, 0 failed" 0 \
  'check_project run/Run.Tests/Run.Tests.csproj; a=$PROJECT_KIND; check_project library/Kit/Kit.csproj; b=$PROJECT_KIND; check_project plain/Plain/Plain.csproj; [[ "$a/$b/$PROJECT_KIND" == "run/library/" ]] || PASSED=999'

echo "$OK passed, $NOT_OK failed"
(( NOT_OK == 0 ))
