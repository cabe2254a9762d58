#!/usr/bin/env bash
# Runs every ClassBooking test: unit tests, the storage specification suite on SQLite and on a throwaway
# PostgreSQL cluster (started and stopped by the tests), the sample host's tests, and the end-to-end tests in
# headless Chromium (Debian's package, driven by Playwright for .NET) with axe-core from npm, and the calendar
# invitations read by third-party parsers (ical.js from npm, Debian's python3-icalendar).
# Installs what the tests need when it is missing: Debian packages (as root, or through sudo) and npm packages.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
# Debian's python (not a pyenv python3 on PATH) reads the invitations in the iCal tests.
/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing+=(python3-icalendar)
# The same python runs aiosmtpd, the real SMTP server of the e-mail transport tests.
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
if ((${#missing[@]})); then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# axe-core for the end-to-end tests' accessibility checks, at the version package-lock.json pins.
(cd tests/ClassLogger.EndToEnd.Tests && npm ci --no-audit --no-fund --loglevel=error)
# ical.js (Mozilla's iCalendar parser) for the invitation and feed tests, at the version package-lock.json pins.
(cd tests/ClassBooking.Testing/IcalParsers && npm ci --no-audit --no-fund --loglevel=error)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Booking.sln --configuration Release "$@" 2>&1 | tee "$log" || status=$?

# One closing line for every project together, e.g. "Tests: 212 passed, 0 failed".
awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }
' "$log"
if grep -qE '(Passed|Failed)! +- +Failed: +0, +Passed: +0,' "$log"; then
  echo "A test project ran no test." >&2
  status=1
fi
exit "$status"
