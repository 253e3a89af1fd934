#!/usr/bin/env bash
# The whole suite: lint, formatting, types, unit and integration tests, then a production build
# and the end-to-end tests in headless Chromium. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run lint
npm run format:check
npm run typecheck
npm run test:unit
npm run build
npm run test:e2e
