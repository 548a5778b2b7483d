#!/usr/bin/env bash
# bench/live.sh - live freshness of the dashboard, measured in Chromium: how long from the
# tracker's page-view beacon being answered (acknowledged: durable) in one tab to the overview in
# another tab showing one more page view, pushed by the live stream with no reload. Runs the
# browser test DashboardReportsInBrowserIT's live test with LIVE_SAMPLES page views (default 30)
# one after another, and prints each sample, the median and the maximum (also written to
# target/live-freshness.txt). Needs Debian's chromium and chromium-driver.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CI=true mvn -B -ntp -q test-compile failsafe:integration-test failsafe:verify \
  -Dit.test='DashboardReportsInBrowserIT#aPageViewInAnotherTab*' -Dspoor.liveSamples="${LIVE_SAMPLES:-30}"
cat target/live-freshness.txt
