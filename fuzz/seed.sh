#!/usr/bin/env bash
# Fill fuzz/corpus/<target>/ with seeds from the project's corpora (not committed).
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared=${CERTLEX_SHARED_CORPUS:-/work/shared/corpus}
seed() { # target, files...
  local t=$1; shift
  mkdir -p "corpus/$t"
  for f in "$@"; do
    [ -f "$f" ] || continue
    [ "$(stat -c %s "$f")" -le 1048576 ] || continue
    cp "$f" "corpus/$t/$(sha1sum "$f" | cut -c1-16)"
  done
}
bad=$root/corpus/bad
mapfile -t rules < <(find "$root/rules" "$root/corpus/rules-bad" -name '*.rules'; ls "$bad"/rules-*)
mapfile -t certs < <(find "$root/corpus/certificates" "$shared" "$root/corpus/bad" -type f \
  \( -name '*.pem' -o -name '*.der' -o -name '*.crt' -o -name '*.cer' \) 2>/dev/null | sort | head -2000; ls "$bad"/cert-* "$bad"/pem-* "$bad"/blob-*)
mapfile -t profiles < <(find "$root/corpus/ca-profiles" -name '*.yaml'; ls "$bad"/profile-*)
mapfile -t statements < <(find "$root/corpus/rule-statements" -type f \( -name '*.md' -o -name '*.txt' \); ls "$bad"/statement-*)
seed rules "${rules[@]}"
seed certificate "${certs[@]}"
seed ca_profile "${profiles[@]}"
seed rule_statement "${statements[@]}"
for t in rules certificate ca_profile rule_statement; do echo "$t: $(ls "corpus/$t" | wc -l) seeds"; done
