#!/usr/bin/env bash
# Installs Request Tracker 5 from Debian's packages when it is missing: RT itself, its SQLite
# driver and standalone server, no database setup by dbconfig (the test template makes its own)
# and dma, a mail transport without a daemon, to satisfy RT's mail dependency.
set -euo pipefail

rt_server=/usr/share/request-tracker5/libexec/rt-server
if [ -x "$rt_server" ] && perl -MDBD::SQLite -e 1 2> /dev/null; then
  exit 0
fi

if [ ! -r /etc/debian_version ] || ! command -v apt-get > /dev/null; then
  echo "Request Tracker 5 is not installed: install RT 5 with its SQLite driver and standalone server (Debian/Ubuntu: request-tracker5 rt5-db-sqlite rt5-standalone) and run this again." >&2
  exit 1
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Nothing may prompt (dbconfig-no-thanks keeps dbconfig out of it). Local instances use their own
# configuration, never /etc's, so the packaged one is left as it comes.
as_root debconf-set-selections <<'SELECTIONS'
request-tracker5 request-tracker5/initial-root-password password password
dma dma/mailname string localhost
dma dma/relayhost string
SELECTIONS
if ! apt-cache show request-tracker5 > /dev/null 2>&1; then as_root apt-get update; fi
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  request-tracker5 rt5-db-sqlite rt5-standalone dbconfig-no-thanks dma
