#!/usr/bin/env bash
# `make bench-pg`: the load benchmark on a throwaway PostgreSQL, started here as `.ci/run`
# does (initdb in a temporary directory as an unprivileged user, loopback only, fsync off),
# stopped and removed on exit. Debian's postgresql package is installed when no initdb is
# found and this runs as root. Arguments go to bench/load.py; the goal "PostgreSQL >= 70%
# of SQLite" compares with the latest SQLite run at the same size (`make bench` first).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

find_bindir() {
    local dir
    for dir in "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent)")")" \
        $(printf '%s\n' /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! PG_BIN=$(find_bindir); then
    [[ $(id -u) == 0 ]] || { echo "make bench-pg needs PostgreSQL's initdb (apt-get install postgresql)"; exit 1; }
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends postgresql >/dev/null
    PG_BIN=$(find_bindir)
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/powerwith-bench-pg.XXXXXX")
chmod 711 "$TMP"
RUN_AS=()
if [[ $(id -u) == 0 ]]; then
    if getent passwd postgres >/dev/null; then USER_NAME=postgres; else USER_NAME=nobody; fi
    RUN_AS=(runuser -u "$USER_NAME" --)
fi
DATA=$TMP/data
mkdir -p "$TMP/sock" "$TMP/logs" "$DATA"
if [[ ${#RUN_AS[@]} -gt 0 ]]; then
    chown -R "$USER_NAME:" "$TMP/sock" "$TMP/logs" "$DATA"
fi
as_pg() { (cd "$TMP" && "${RUN_AS[@]}" "$@"); }

stop() {
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    rm -rf "$TMP"
}
trap stop EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$PG_BIN/initdb" -D "$DATA" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth=trust --no-sync >/dev/null
cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$TMP/sock'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$TMP/logs/server.log" -w -t 60 start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (throwaway)"

export BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/powerwith"
# shellcheck disable=SC2086 # PYTHON may be a command with arguments (uv run …)
${PYTHON:-.venv/bin/python} bench/load.py "$@"
