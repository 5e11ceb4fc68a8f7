#!/usr/bin/env bash
# Record the expected outcome of conformance cases with real ansible-core 2.14.
#   record.sh [--check] [case-dir-name ...]
# Without --check, writes expected.stdout / expected.stderr / expected.rc / expected.results.json
# into each case folder. With --check, records into a scratch dir and diffs against the committed
# expected files (exit 1 on any difference) -- used to prove stability.
set -u
HERE="$(cd "$(dirname "$0")" && pwd -P)"
CHECK=0
if [ "${1:-}" = "--check" ]; then CHECK=1; shift; fi
if [ $# -eq 0 ]; then
  set -- $(cd "$HERE/cases" && ls -d [0-9]*/ | tr -d /)
fi
PYTHON="$(command -v python3)"
FAIL=0
for name in "$@"; do
  name="${name%/}"; name="${name##*/}"
  CASE="$HERE/cases/$name"
  [ -f "$CASE/playbook.yml" ] || { echo "no such case: $name" >&2; FAIL=1; continue; }
  ROOT="$(mktemp -d)"; ROOT="$(cd "$ROOT" && pwd -P)"
  WORK="$ROOT/work"; TMPD="$ROOT/tmp"; OUT="$ROOT/out"
  mkdir -p "$WORK" "$TMPD" "$OUT"
  # environment: a clean one plus the lines of ./env
  ENVV=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$TMPD/home" "USER=${USER:-$(id -un)}")
  mkdir -p "$TMPD/home"
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue;; esac
    line="${line//@PYTHON@/$PYTHON}"; line="${line//@TMP@/$TMPD}"; line="${line//@SUITE@/$HERE}"
    ENVV+=("$line")
  done < "$HERE/env"
  INV="$HERE/inventory.local"; [ -f "$CASE/inventory" ] && INV="$CASE/inventory"
  ARGS=()
  if [ -f "$CASE/args" ]; then
    while IFS= read -r line; do
      case "$line" in ''|'#'*) continue;; esac
      ARGS+=("$line")
    done < "$CASE/args"
  fi
  ( cd "$CASE" && "${ENVV[@]}" ansible-playbook -i "$INV" -e "work_dir=$WORK" "${ARGS[@]}" playbook.yml \
      </dev/null >"$OUT/stdout" 2>"$OUT/stderr"; echo $? >"$OUT/rc" )
  [ -f "$WORK/results.json" ] && cp "$WORK/results.json" "$OUT/results.json"
  "$PYTHON" "$HERE/normalise.py" "$WORK" "$CASE" "$HERE" "$OUT"/stdout "$OUT"/stderr $( [ -f "$OUT/results.json" ] && echo "$OUT/results.json" )
  if [ $CHECK = 1 ]; then
    MODE=full
    [ -f "$CASE/compare" ] && MODE="$(sed -n 's/^compare: *//p' "$CASE/compare")"
    for f in stdout stderr rc results.json; do
      if [ -f "$OUT/$f" ] || [ -f "$CASE/expected.$f" ]; then
        A="$CASE/expected.$f"; B="$OUT/$f"
        if [ "$f" = stdout ] && [ "$MODE" = results-only ]; then continue; fi
        if [ "$f" = stdout ] && [ "$MODE" = sorted-lines ]; then
          sort "$A" >"$ROOT/a.sorted"; sort "$B" >"$ROOT/b.sorted"; A="$ROOT/a.sorted"; B="$ROOT/b.sorted"
        fi
        if ! diff -u "$A" "$B" >"$ROOT/diff" 2>&1; then
          echo "DIFF $name expected.$f"; cat "$ROOT/diff"; FAIL=1
        fi
      fi
    done
    echo "checked $name rc=$(cat "$OUT/rc")"
  else
    rm -f "$CASE"/expected.*
    for f in stdout stderr rc results.json; do
      [ -f "$OUT/$f" ] && cp "$OUT/$f" "$CASE/expected.$f"
    done
    echo "recorded $name rc=$(cat "$OUT/rc")"
  fi
  rm -rf "$ROOT"
done
exit $FAIL
