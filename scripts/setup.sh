#!/usr/bin/env bash
# One command from a fresh clone to a running app: install, build, migrate, seed.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Installing npm packages"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi

# A generated session secret, kept out of the repository.
if [ ! -f .env ]; then
  echo "==> Writing .env with a new SESSION_SECRET"
  printf 'SESSION_SECRET=%s\n' "$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')" > .env
fi

# The end-to-end tests drive Debian's Chromium; install it when it is missing and we can.
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> Installing Chromium for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "!! Chromium not found: install it (sudo apt-get install chromium) to run the browser tests."
  fi
fi

echo "==> Building the app"
npm run build

echo "==> Migrating and seeding the database"
npm run db:migrate
npm run db:seed
