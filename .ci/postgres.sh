#!/usr/bin/env bash
# Installs PostgreSQL 15 (Debian package "postgresql"), starts it on loopback and creates what
# SupplyGuard's profile "postgres" and the test run "mvn -Ppostgres-tests test" connect to:
#   role     supplyguard / password supplyguard (LOGIN CREATEDB: the tests create one fresh
#            database per Spring context and drop it when the context closes)
#   database supplyguard (UTF8), owned by that role
# Works as root in a container without systemd (pg_ctlcluster, not systemctl) and is idempotent:
# running it again changes nothing and leaves a running server running.
#
# The server is tuned for tests (durability off: fsync, synchronous_commit, full_page_writes).
# It is a CI/development database; a production server is configured by its operator.
# Overrides: SUPPLYGUARD_PG_VERSION (15), _CLUSTER (main), _PORT (5432, for a new cluster),
# _DATABASE, _ROLE, _PASSWORD (supplyguard).
set -euo pipefail

PG_VERSION="${SUPPLYGUARD_PG_VERSION:-15}"   # Debian 12's "postgresql" is 15
PG_CLUSTER="${SUPPLYGUARD_PG_CLUSTER:-main}"
PG_PORT="${SUPPLYGUARD_PG_PORT:-5432}"
DB_NAME="${SUPPLYGUARD_PG_DATABASE:-supplyguard}"
DB_USER="${SUPPLYGUARD_PG_ROLE:-supplyguard}"
DB_PASSWORD="${SUPPLYGUARD_PG_PASSWORD:-supplyguard}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8   # a cluster created here gets UTF8, whatever the caller's locale

log() { echo "postgres.sh: $*"; }

if [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ] || ! command -v pg_ctlcluster >/dev/null; then
    log "installing Debian postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
if [ ! -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ]; then
    installed=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    log "WARNING: PostgreSQL $PG_VERSION is not available here; using $installed"
    PG_VERSION="$installed"
fi

if ! pg_lsclusters --no-header | awk '{print $1 " " $2}' | grep -qx "$PG_VERSION $PG_CLUSTER"; then
    log "creating cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
    pg_createcluster --port "$PG_PORT" --encoding UTF8 --locale C.UTF-8 "$PG_VERSION" "$PG_CLUSTER" >/dev/null
fi

CONF_DIR="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/conf.d"
CONF_FILE="$CONF_DIR/supplyguard-ci.conf"
WANTED_CONF="# written by SupplyGuard .ci/postgres.sh: loopback only, room for many test contexts, no durability
listen_addresses = 'localhost'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
"
changed=false
mkdir -p "$CONF_DIR"
if [ ! -f "$CONF_FILE" ] || [ "$(cat "$CONF_FILE")" != "$(printf '%s' "$WANTED_CONF")" ]; then
    printf '%s' "$WANTED_CONF" > "$CONF_FILE"
    chown postgres:postgres "$CONF_FILE"
    changed=true
fi

if pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1; then
    if [ "$changed" = true ]; then
        log "restarting $PG_VERSION/$PG_CLUSTER for the new settings"
        pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart
    fi
else
    log "starting $PG_VERSION/$PG_CLUSTER"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
fi

for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 1
done
pg_isready -h 127.0.0.1 -p "$PG_PORT"

as_postgres() { (cd /tmp && runuser -u postgres -- "$@"); }
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@"; }

psql_admin -v role="$DB_USER" -v pw="$DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN CREATEDB PASSWORD %L', :'role', :'pw') \gexec
SQL

psql_admin -v db="$DB_NAME" -v role="$DB_USER" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING %L LOCALE %L', :'db', :'role', 'UTF8', 'C.UTF-8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL

PGPASSWORD="$DB_PASSWORD" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$DB_NAME" -At \
    -c "SELECT 'postgres.sh: ready: ' || current_user || '@' || current_database() || ' on ' || split_part(version(), ' ', 2)"
