# Shared by backup.sh and restore.sh (sourced, not run).

# Data-folder parts copied besides the database: the content-addressed audio store (verified by
# checksum) and trained reward models. audio-derived/, exports/ and unpacked/ are rebuilt on demand.
readonly FILE_PARTS=(audio reward-models)

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# Puts pg_dump, pg_restore and psql on PATH: those already there, or Debian's postgresql-client
# (installed when missing and running as root). The embedded server's extracted binaries
# (/tmp/embedded-pg/*/bin) hold no client tools.
need_client_tools() {
  if command -v pg_dump >/dev/null && command -v pg_restore >/dev/null && command -v psql >/dev/null; then
    return
  fi
  [[ $(id -u) -eq 0 ]] || die "pg_dump, pg_restore and psql are missing: install postgresql-client"
  echo "Installing postgresql-client with apt-get ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null
}

# Rows per table in a custom-format dump, "table<TAB>rows" sorted by table: read from the dump's own
# COPY blocks, so the figures describe exactly the snapshot that pg_dump took.
dump_row_counts() {
  pg_restore --data-only --file=- "$1" | awk '
    /^COPY / { table = $2; rows = 0; copying = 1; next }
    copying && $0 == "\\." { print table "\t" rows; copying = 0; next }
    copying { rows++ }' | sed 's/^public\.//; s/"//g' | sort
}

# Checks that every audio file's SHA-256 equals its name (<dir>/<2 hex>/<sha256>); prints the count.
verify_audio() {
  local dir=$1 count=0 bad=0 file name
  if [[ -d $dir ]]; then
    while IFS= read -r -d '' file; do
      name=$(basename "$file")
      if [[ $(sha256sum "$file" | cut -d' ' -f1) != "$name" ]]; then
        echo "checksum mismatch: audio/${file#"$dir"/}" >&2
        bad=$((bad + 1))
      fi
      count=$((count + 1))
    done < <(find "$dir" -type f -print0)
  fi
  [[ $bad -eq 0 ]] || die "$bad audio file(s) do not match their SHA-256 name"
  echo "$count"
}
