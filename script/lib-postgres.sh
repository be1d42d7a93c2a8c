# A throwaway PostgreSQL 15 for one run: sourced by script/test and script/loadtest.
# start_postgres exports DATABASE_URL and stops and deletes the server when the script exits.

pgbin=/usr/lib/postgresql/15/bin

# initdb refuses to run as root, so root runs the server as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_dir=

# The server's options: Unix socket only in $pg_dir/sock, durability off (it is thrown away).
pg_options() {
  echo "-k $pg_dir/sock -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
}

stop_postgres() {
  if [ -n "$pg_dir" ]; then
    if [ -f "$pg_dir/data/postmaster.pid" ]; then
      as_postgres "$pgbin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
  fi
}

# A private server in a fresh directory under /tmp (every parent must be searchable by
# the postgres user, so not under /root). Unix socket only and fsync off: it lives for
# one run and is thrown away, whatever way the run ends.
start_postgres() {
  trap stop_postgres EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  pg_dir=$(mktemp -d /tmp/swp-pg.XXXXXXXX)
  mkdir "$pg_dir/data" "$pg_dir/sock"
  [ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$pg_dir"
  echo "==> Starting a throwaway PostgreSQL 15 in $pg_dir"
  as_postgres "$pgbin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 --no-sync >"$pg_dir/initdb.log" 2>&1 || {
    cat "$pg_dir/initdb.log" >&2
    exit 1
  }
  as_postgres "$pgbin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/data/server.log" -w \
    -o "$(pg_options)" \
    start >/dev/null || {
    cat "$pg_dir/data/server.log" >&2
    exit 1
  }
  "$pgbin/createdb" -h "$pg_dir/sock" -U postgres swp
  # The socket directory goes in the host part, percent-encoded, so dj-database-url
  # sets HOST (a ?host= query would land in OPTIONS instead).
  export DATABASE_URL="postgres://postgres@${pg_dir//\//%2F}%2Fsock/swp"
}
