#!/usr/bin/env bash
# Regenerates openapi.json and the Kiota C# client beside it from the API as the test host serves it.
#
# Route: GeneratedClientDocumentTests runs the ClassLogger sample in memory (WebApplicationFactory, the same host
# the other tests use: no port, no network) and writes the live /openapi/v1.json, byte for byte as served, to
# bin/Release/net10.0/openapi.live.json before comparing it with the committed openapi.json. This script runs that
# one test (its failure, when the document changed, is expected here), copies the live document over openapi.json
# and regenerates the client from it with the Kiota version pinned in .config/dotnet-tools.json. Only the /api
# routes become client code (the sample's own pages and Identity endpoints are left out); the runtime packages are
# pinned in Directory.Packages.props. Review the diff, then commit openapi.json and Client/ together.
#
# Usage: tests/ClassBooking.AspNetCore.Tests/GeneratedClient/generate.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$(dirname "$here")"
root="$(cd "$project/../.." && pwd)"
live="$project/bin/Release/net10.0/openapi.live.json"
cd "$root"

rm -f "$live"
dotnet test "$project" --configuration Release \
  --filter "FullyQualifiedName~GeneratedClientDocumentTests.The_committed_document_equals_the_document_the_api_serves" \
  >/dev/null 2>&1 || true
if [ ! -s "$live" ]; then
  echo "The test host did not write $live; run the test above to see why." >&2
  exit 1
fi
cp "$live" "$here/openapi.json"

dotnet tool restore >/dev/null
# Kiota needs nothing from the network to generate: skip its update check (Update:Disabled) and telemetry.
export KIOTA_UPDATE__DISABLED=true KIOTA_CLI_TELEMETRY_OPTOUT=true
rm -rf "$here/Client"
dotnet kiota generate \
  --language CSharp \
  --openapi "$here/openapi.json" \
  --include-path "/api/**" \
  --class-name ClassBookingClient \
  --namespace-name ClassBooking.AspNetCore.Tests.GeneratedClient \
  --output "$here/Client" \
  --exclude-backward-compatible \
  --clean-output \
  --log-level Warning
# Kiota records where it read the document; keep that path relative, so the lock file is the same on every machine.
sed -i "s#\"descriptionLocation\": \".*\"#\"descriptionLocation\": \"../openapi.json\"#" "$here/Client/kiota-lock.json"
echo "Regenerated $here/openapi.json and $here/Client/ (review with git diff)."
