#!/usr/bin/env bash
# Adds a migration to both migration sets (SQLite and PostgreSQL) and makes it derive from ClassBookingMigration,
# which adapts it to the host's profile table at run time.
#   src/ClassBooking.EntityFrameworkCore/Migrations/add-migration.sh AddWaitlist
# Then add any raw SQL (triggers, constraints) by hand with migrationBuilder.Sql, in Up and in Down, and run
# `dotnet test tests/ClassBooking.EntityFrameworkCore.Tests` (it checks that no model change is left unmigrated).
set -euo pipefail
name=${1:?usage: add-migration.sh MigrationName}
cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
project=src/ClassBooking.EntityFrameworkCore
dotnet tool restore >/dev/null
for provider in Sqlite Npgsql; do
  dotnet ef migrations add "$name" \
    --project "$project" --startup-project "$project" \
    --context "${provider}ClassBookingDbContext" \
    --output-dir "Migrations/$provider" --namespace "ClassBooking.EntityFrameworkCore.Migrations.$provider"
  sed -i "s/public partial class $name : Migration/internal partial class $name : ClassBookingMigration/" \
    "$project"/Migrations/"$provider"/*_"$name".cs
done
rm -f "$project"/classbooking-design-time.db
echo "Added $name for SQLite and PostgreSQL."
