#!/usr/bin/env bash
# Backs up Safeguard's PostgreSQL database while the server runs: pg_dump reads one consistent snapshot (a single
# repeatable-read transaction) and writes the custom format (-Fc: compressed, restorable table by table). The dump is
# written beside FILE under another name, read back in full by pg_restore --list, and only then moved into place, so
# a failed or interrupted backup never stands where a good one is expected.
#
# Usage: scripts/pg-backup.sh [--force] FILE
#   The database is the one libpq's variables name: PGHOST, PGPORT, PGUSER, PGDATABASE (and PGPASSWORD, or a
#   ~/.pgpass entry). Use the role the migrations run as (the table owner): it can read every table.
#   --force   replace FILE if it exists
# Exit status: 0 backed up; 2 bad usage or FILE exists; otherwise pg_dump's or pg_restore's own failure.
# See docs/operations.md ("Backups").
set -euo pipefail

force=0
if [[ "${1:-}" == --force ]]; then force=1; shift; fi
if [[ $# -ne 1 ]]; then echo "usage: $0 [--force] FILE  (database from PGHOST, PGPORT, PGUSER, PGDATABASE)" >&2; exit 2; fi
file="$1"
if [[ -z "${PGDATABASE:-}" ]]; then echo "pg-backup: set PGDATABASE (and PGHOST, PGPORT, PGUSER) to the Safeguard database." >&2; exit 2; fi
if [[ -e "$file" && $force -eq 0 ]]; then echo "pg-backup: $file already exists; choose another file or add --force." >&2; exit 2; fi

# pg_dump from PATH, else the newest installed server's tools (Debian puts them outside PATH).
pg_tool() {
  if command -v "$1" >/dev/null; then command -v "$1"; return; fi
  local dir; dir="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n1 || true)"
  if [[ -n "$dir" && -x "$dir/$1" ]]; then echo "$dir/$1"; return; fi
  echo "pg-backup: $1 is not installed (the postgresql-client package)." >&2; exit 2
}
PG_DUMP="$(pg_tool pg_dump)" PG_RESTORE="$(pg_tool pg_restore)"

partial="$file.partial-$$"
trap 'rm -f "$partial"' EXIT
"$PG_DUMP" --format=custom --compress=6 --file="$partial" "$PGDATABASE"
"$PG_RESTORE" --list "$partial" >/dev/null   # the whole archive is readable
mv -f "$partial" "$file"
trap - EXIT
echo "Backed up database $PGDATABASE on ${PGHOST:-localhost}:${PGPORT:-5432} to $file at $(TZ=Europe/London date '+%-d %b %Y %H:%M') ($(du -h "$file" | cut -f1))."
