#!/usr/bin/env bash
# Mutation testing (issue 19): cargo-mutants over the modules that decide
# outcomes, then a table per file (mutants, caught, missed, unviable,
# timeout) and the missed mutants, written to a file. Not part of .ci/run:
# every mutant rebuilds the crate and runs its tests (30 s to minutes each).
#
# Usage: benches/mutants.sh [--shard K/N] [--timeout SECS] [--tests lib|all]
#                           [--re REGEX] [--exclude-re REGEX] [--out FILE]
#                           [FILE.rs ...] [-- TEST-ARGS ...]
#   --shard K/N   run only shard K of N (0-based, round-robin over all the
#                 files' mutants), so a long run can be split over sittings
#                 and each shard samples every file
#   --timeout     seconds a test run may take before the mutant counts as a
#                 timeout (default 120)
#   --tests       `lib` runs `cargo test --lib` per mutant (the fast triage,
#                 default); `all` runs `cargo test --all-targets`
#   --re REGEX    only the mutants whose name matches (cargo-mutants --re),
#                 e.g. the survivors of an earlier run, to check new tests
#   --exclude-re REGEX  leave out the mutants whose name matches
#                 (cargo-mutants --exclude-re), e.g. those an interrupted
#                 run already tested
#   --out FILE    the summary (default target/mutants/summary.md); the raw
#                 outcome (caught.txt, missed.txt …) is beside it in
#                 target/mutants/mutants.out
#   FILE.rs       the files to mutate (default: the list below)
#   TEST-ARGS     passed to the test binary, e.g. `--skip NAME` for a test
#                 that fails on the unmutated tree (cargo-mutants stops if
#                 the baseline fails)
# Mutants run in a random order (cargo-mutants' default), so a run stopped
# early (Ctrl-C) is still a sample of every file; the summary counts what
# was run.
#
# cargo-mutants runs --in-place: it edits the worktree's files one mutant at
# a time and restores them, and uses the worktree's own target/ (a copy of
# the tree would copy target/ too). So the tree must be clean before, must
# not be edited while it runs, and is checked to be clean after.
# Needs cargo-mutants (`cargo install --locked cargo-mutants`; 27.1.0 used).
set -euo pipefail
cd "$(dirname "$0")/.."

files=()
shard=""
re=""
exclude_re=""
timeout=120
tests=lib
args_all=()
out=target/mutants/summary.md
extra=()
while (($#)); do
  case $1 in
    --shard) shard=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --tests) tests=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --re) re=$2; shift 2 ;;
    --exclude-re) exclude_re=$2; shift 2 ;;
    -h | --help) sed -n '2,37p' "$0"; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "unknown option \`$1\`" >&2; exit 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
if ((${#files[@]} == 0)); then
  files=(
    src/engine/eval.rs
    src/law/resolve.rs
    src/facts/certificate/chain.rs
    src/load/check.rs
    src/facts/statement/periods.rs
    src/facts/register.rs
    src/facts/register/read.rs
    src/facts/profile/derive.rs
    src/config/waivers.rs
  )
fi
case $tests in
  lib) test_args=(--lib) ;;
  all) test_args=(--all-targets); args_all=(--test-workspace true) ;;
  *) echo "--tests is \`lib\` or \`all\`, not \`$tests\`" >&2; exit 2 ;;
esac
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
  echo "the worktree has uncommitted changes: commit them first (cargo-mutants edits files in place)" >&2
  exit 1
fi

dir=target/mutants
mkdir -p "$dir" "$(dirname "$out")"
# The library is the package certlex-core, whose manifest is core/Cargo.toml
# and whose source is ../src: cargo-mutants names its files core/../src/….
args=(--in-place --shuffle --workspace --timeout "$timeout" -o "$dir" "${args_all[@]}")
[[ -n $shard ]] && args+=(--shard "$shard" --sharding round-robin)
[[ -n $re ]] && args+=(--re "$re")
[[ -n $exclude_re ]] && args+=(--exclude-re "$exclude_re")
for f in "${files[@]}"; do args+=(--file "core/../$f"); done
started=$(date -u +%FT%TZ)
status=0
if ((${#extra[@]})); then test_args+=(-- "${extra[@]}"); fi
cargo mutants "${args[@]}" -- "${test_args[@]}" || status=$?
# 0: all caught; 2: some missed; 3: some timed out; 4: the baseline failed
# (nothing to summarise); otherwise (stopped, say): summarise what was run.
if ((status == 4)) || [[ ! -d $dir/mutants.out ]]; then
  echo "cargo mutants failed (exit $status)" >&2
  exit "$status"
fi
((status == 0 || status == 2 || status == 3)) || echo "cargo mutants stopped (exit $status): the summary counts what was run" >&2
if [[ -n $(git status --porcelain --untracked-files=no) ]]; then
  echo "warning: the worktree is not clean after the run: check \`git diff\`" >&2
fi

res=$dir/mutants.out
count() { # count FILE OUTCOME: lines of OUTCOME.txt that mutate FILE
  [[ -f $res/$2.txt ]] || { echo 0; return; }
  grep -c "^core/../$1:" "$res/$2.txt" || true
}
{
  echo "# cargo-mutants: $(git rev-parse --short HEAD), $started"
  echo
  echo "cargo-mutants $(cargo mutants --version | awk '{ print $2 }'), \`cargo test ${test_args[*]}\`," \
    "--timeout $timeout${shard:+, shard $shard}${re:+, only the mutants --re names}${exclude_re:+, less those --exclude-re names}"
  echo
  echo "| file | mutants | caught | missed | unviable | timeout |"
  echo "|---|---|---|---|---|---|"
  for f in "${files[@]}"; do
    c=$(count "$f" caught) m=$(count "$f" missed) u=$(count "$f" unviable) t=$(count "$f" timeout)
    echo "| \`$f\` | $((c + m + u + t)) | $c | $m | $u | $t |"
  done
  echo
  echo "## Missed"
  echo
  if [[ -s $res/missed.txt ]]; then sed 's|^core/\.\./||; s/^/- /' "$res/missed.txt"; else echo "none"; fi
} >"$out"
cat "$out"
