#!/usr/bin/env bash
# Runs every test suite for real: installs what the tests need when it is missing (PostgreSQL and Chromium, from
# Debian's packages), starts a throwaway PostgreSQL cluster on a free local port, runs `dotnet test`, then removes
# the cluster. Extra arguments go to `dotnet test` (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pg_dir=$(mktemp -d /tmp/contractbridge-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
# PostgreSQL refuses to run as root: run the throwaway cluster as the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$pg_dir"
  pg() { runuser -u postgres -- "$@"; }
else
  pg() { "$@"; }
fi
stop_pg() {
  pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres --no-sync >/dev/null
pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port for this run"

export CONTRACTBRIDGE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export CONTRACTBRIDGE_TEST_CHROMIUM="$(command -v chromium)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The packages every project's packages.lock.json pins, and no others: a lock file that no longer matches its project
# (a version changed in Directory.Packages.props without a restore) fails here. The builds below reuse this restore.
dotnet restore ContractBridge.slnx --locked-mode

# Benchmarks are not tests: CI only checks that the bench program still runs end to end (about a minute; it fails on a
# 429 received, a deal not launched exactly once or a page of the generated store answering wrong, never on a timing).
# Skipped when arguments pick some tests.
if [ $# -eq 0 ]; then
  dotnet run -c Release --no-restore --project bench/ContractBridge.Bench -- all --quick
fi

dotnet test ContractBridge.slnx --no-restore --blame-hang-timeout 10m "$@"
