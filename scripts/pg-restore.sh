#!/usr/bin/env bash
# Restores a backup made by scripts/pg-backup.sh into Safeguard's PostgreSQL database, in one transaction: if anything
# fails, nothing is changed. The archive is read in full first. A database that already holds Safeguard's tables is
# replaced only with --force (its objects are dropped and re-created inside the same transaction). Stop the server
# first: a running server holds connections and would see the database change under it.
#
# Usage: scripts/pg-restore.sh [--force] FILE
#   The database is the one libpq's variables name: PGHOST, PGPORT, PGUSER, PGDATABASE (and PGPASSWORD or ~/.pgpass).
#   It must exist (createdb NAME). Restore as the role the migrations run as, on a server where the roles the dump
#   grants to exist (see docs/operations.md).
#   --force   replace what the database holds
# Exit status: 0 restored; 2 bad usage, unreadable archive, or a database that holds records without --force;
# otherwise pg_restore's own failure (nothing changed).
set -euo pipefail

force=0
if [[ "${1:-}" == --force ]]; then force=1; shift; fi
if [[ $# -ne 1 ]]; then echo "usage: $0 [--force] FILE  (database from PGHOST, PGPORT, PGUSER, PGDATABASE)" >&2; exit 2; fi
file="$1"
if [[ -z "${PGDATABASE:-}" ]]; then echo "pg-restore: set PGDATABASE (and PGHOST, PGPORT, PGUSER) to the database to restore into." >&2; exit 2; fi
if [[ ! -f "$file" ]]; then echo "pg-restore: there is no backup file at $file." >&2; exit 2; fi

pg_tool() {
  if command -v "$1" >/dev/null; then command -v "$1"; return; fi
  local dir; dir="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n1 || true)"
  if [[ -n "$dir" && -x "$dir/$1" ]]; then echo "$dir/$1"; return; fi
  echo "pg-restore: $1 is not installed (the postgresql-client package)." >&2; exit 2
}
PG_RESTORE="$(pg_tool pg_restore)" PSQL="$(pg_tool psql)"

if ! "$PG_RESTORE" --list "$file" >/dev/null 2>&1; then
  echo "pg-restore: $file is not a readable pg_dump archive; the database was not touched." >&2; exit 2
fi
tables="$("$PSQL" -X -A -t -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'" "$PGDATABASE")"
clean=()
if (( tables > 0 )); then
  if (( force == 0 )); then
    echo "pg-restore: database $PGDATABASE already holds $tables tables; add --force to replace them with the backup." >&2; exit 2
  fi
  clean=(--clean --if-exists)
fi
"$PG_RESTORE" --single-transaction --exit-on-error "${clean[@]}" --dbname="$PGDATABASE" "$file"
counts="$("$PSQL" -X -A -t -F ' ' -v ON_ERROR_STOP=1 -c 'SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM events)' "$PGDATABASE")"
read -r people events <<<"$counts"
echo "Restored $file into database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432}: $people people, $events events."
