#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets.
# usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/Safeguard.Data.$provider" --startup-project "src/Safeguard.Data.$provider" \
    --context SafeguardDb --output-dir Migrations
done
