#!/usr/bin/env bash
# Backs up Earshot: a consistent pg_dump of the database (custom format, one snapshot) and the data
# folder's audio store and reward models, into a new folder:
#
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=... PGDATABASE=postgres \
#     scripts/backup.sh <data-dir> <backup-folder>
#
# Connection parameters are libpq's environment variables (PGHOST defaults to 127.0.0.1, PGUSER and
# PGDATABASE to postgres, the embedded server's names; PGPORT is required: the embedded server's port
# is in the log line "Embedded PostgreSQL started on port N"). The service may keep running: the dump
# is one snapshot, and audio is copied after it, so every file a dumped row names is already there
# (files are written before their rows and never changed). The folder gets database.dump,
# row-counts.tsv (rows per table, read from the dump), audio/ (every file checked against its
# SHA-256 name), reward-models/ and MANIFEST (written last: its presence means the backup is whole).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/backup-common.sh"

[[ $# -eq 2 ]] || die "usage: backup.sh <data-dir> <backup-folder>"
data_dir=$1
backup=$2
[[ -d $data_dir ]] || die "no data folder at $data_dir"
[[ ! -e $backup ]] || die "$backup exists already; name a new folder"
[[ -n ${PGPORT:-} ]] || die "set PGPORT (and PGHOST, PGUSER, PGPASSWORD, PGDATABASE as needed)"
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
need_client_tools

mkdir -p "$backup"
pg_dump --format=custom --no-owner --file="$backup/database.dump"
dump_row_counts "$backup/database.dump" >"$backup/row-counts.tsv"
for part in "${FILE_PARTS[@]}"; do
  if [[ -d $data_dir/$part ]]; then
    cp -a "$data_dir/$part" "$backup/$part"
  fi
done
audio_files=$(verify_audio "$backup/audio")
rows=$(awk -F'\t' '{ sum += $2 } END { print sum + 0 }' "$backup/row-counts.tsv")
tables=$(wc -l <"$backup/row-counts.tsv")
{
  echo "earshot backup"
  echo "created $(date -u +%Y-%m-%dT%H:%M:%SZ) from $PGHOST:$PGPORT/$PGDATABASE"
  echo "tables $tables rows $rows audio-files $audio_files"
} >"$backup/MANIFEST"
echo "backup PASS: $tables tables, $rows rows, $audio_files audio files in $backup"
