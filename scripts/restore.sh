#!/usr/bin/env bash
# Restores a backup made by backup.sh into an empty data folder and verifies it: rows per table
# equal the dump's (row-counts.tsv) and every audio file's SHA-256 equals its name. Prints one
# PASS line, or fails naming what differs.
#
#   scripts/restore.sh <backup-folder> <new-data-dir>
#
# Without PGPORT the database goes into an embedded-style server of its own: initdb of
# <new-data-dir>/pg with the embedded binaries Earshot extracts (/tmp/embedded-pg/*/bin, or
# EARSHOT_PG_BIN), started on a free loopback port for the restore and stopped afterwards; then
# start Earshot with earshot.data-dir=<new-data-dir>. With PGPORT (and PGHOST, PGUSER, PGPASSWORD,
# PGDATABASE) it restores into that server's database, which must hold no tables yet (an external
# PostgreSQL; point Earshot at it afterwards). Stop the service that should use the restore first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"

[[ $# -eq 2 ]] || die "usage: restore.sh <backup-folder> <new-data-dir>"
backup=$1
data_dir=$2
[[ -f $backup/MANIFEST ]] || die "$backup holds no complete backup (MANIFEST missing)"
if [[ -d $data_dir ]] && [[ -n $(ls -A "$data_dir") ]]; then
  die "$data_dir is not empty; restore into a new or empty folder"
fi
mkdir -p "$data_dir"
need_client_tools
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}

if [[ -z ${PGPORT:-} ]]; then
  pg_bin=${EARSHOT_PG_BIN:-$(dirname "$(ls -d /tmp/embedded-pg/*/bin/initdb 2>/dev/null | head -n 1)")}
  [[ -x $pg_bin/initdb ]] || die "no embedded PostgreSQL binaries: start Earshot once, or set EARSHOT_PG_BIN or PGPORT"
  # initdb and pg_ctl refuse to run as root from a shell: as root they run as nobody, and the
  # folder is given back to root when the restore server has stopped.
  as_server=()
  mkdir -p "$data_dir/pg"
  if [[ $(id -u) -eq 0 ]]; then
    as_server=(runuser -u nobody --)
    chown nobody "$data_dir/pg"
    "${as_server[@]}" test -w "$data_dir/pg" || die "user nobody cannot reach $data_dir; restore into a folder under /tmp or /srv"
  fi
  # Same initdb options as the embedded server (zonky): superuser postgres, trust, UTF-8.
  "${as_server[@]}" "$pg_bin/initdb" -D "$data_dir/pg" -U postgres -A trust -E UTF-8 >/dev/null
  PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export PGPORT PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=postgres
  "${as_server[@]}" "$pg_bin/pg_ctl" -D "$data_dir/pg" -w -s -l "$data_dir/pg/restore.log" \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1" start
  stop_server() {
    "${as_server[@]}" "$pg_bin/pg_ctl" -D "$data_dir/pg" -w -s -m fast stop
    rm -f "$data_dir/pg/restore.log"
    chown -R "$(id -u):$(id -g)" "$data_dir/pg"
  }
  trap stop_server EXIT
fi

existing=$(psql -X -tAc "select count(*) from pg_tables where schemaname = 'public'")
[[ $existing -eq 0 ]] || die "database $PGDATABASE on $PGHOST:$PGPORT already has $existing tables"
pg_restore --no-owner --exit-on-error --single-transaction --dbname="$PGDATABASE" "$backup/database.dump"
for part in "${FILE_PARTS[@]}"; do
  if [[ -d $backup/$part ]]; then
    cp -a "$backup/$part" "$data_dir/$part"
  fi
done

mismatches=0
while IFS=$'\t' read -r table expected; do
  actual=$(psql -X -tAc "select count(*) from public.\"$table\"")
  if [[ $actual != "$expected" ]]; then
    echo "row count differs: $table has $actual rows, the backup $expected" >&2
    mismatches=$((mismatches + 1))
  fi
done <"$backup/row-counts.tsv"
[[ $mismatches -eq 0 ]] || die "FAIL: $mismatches table(s) differ"
audio_files=$(verify_audio "$data_dir/audio")
expected_files=$(awk '/^tables/ { print $6 }' "$backup/MANIFEST")
[[ $audio_files -eq $expected_files ]] || die "FAIL: $audio_files audio files restored, the backup has $expected_files"
tables=$(wc -l <"$backup/row-counts.tsv")
rows=$(awk -F'\t' '{ sum += $2 } END { print sum + 0 }' "$backup/row-counts.tsv")
echo "restore PASS: $tables tables and $rows rows match, $audio_files audio files match their SHA-256 into $data_dir"
