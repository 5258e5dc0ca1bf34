#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's postgresql package.
#
#   pg_test_server.sh start DIR    initdb into DIR/data (as an unprivileged user when run as root) and start it,
#                                  on a Unix socket in DIR and on 127.0.0.1 at a free port (written to DIR/port);
#                                  the superuser is "ta_owner"; local connections trust, TCP asks a password
#   pg_test_server.sh crash DIR    pg_ctl stop -m immediate (what a power cut leaves)
#   pg_test_server.sh resume DIR   start the existing cluster again (crash recovery)
#   pg_test_server.sh stop DIR     stop it and delete DIR
#
# Nothing listens on any address but the socket and 127.0.0.1. fsync is off (a throwaway cluster) unless
# TA_PG_FSYNC=on (benchmarks of durable writes).
set -euo pipefail
cmd=${1:?start|crash|resume|stop}
dir=${2:?directory}
bindir=/usr/lib/postgresql/15/bin
[ -x "$bindir/initdb" ] || bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "pg_test_server: PostgreSQL server binaries not found (install Debian's postgresql)" >&2; exit 1; }

as_owner() {
  # From inside DIR: PostgreSQL's programs refuse to start in a working directory their user cannot read.
  if [ "$(id -u)" -eq 0 ]; then
    (cd "$dir" && setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

pg_ctl_start() {
  local port; port=$(cat "$dir/port")
  as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=${TA_PG_FSYNC:-off} -c full_page_writes=${TA_PG_FSYNC:-off} -c max_connections=60" \
    start >/dev/null
}

case "$cmd" in
  start)
    # A server left behind by an interrupted run: stop it and start clean.
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$dir"
    chmod 0700 "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U ta_owner -E UTF8 --locale=C.UTF-8 --auth-local=trust \
      --auth-host=scram-sha-256 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port on 127.0.0.1: try random ones until the server takes one.
    for attempt in 1 2 3 4 5 6 7 8; do
      echo $(( 20000 + RANDOM % 40000 )) > "$dir/port"
      [ "$(id -u)" -eq 0 ] && chown nobody:nogroup "$dir/port"
      if pg_ctl_start; then
        exit 0
      fi
    done
    cat "$dir/server.log" >&2
    exit 1
    ;;
  crash)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
    ;;
  resume)
    pg_ctl_start
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "pg_test_server: unknown command $cmd" >&2; exit 2;;
esac
