#!/usr/bin/env bash
# Proves that the README's two commands set up a fresh machine: clones the committed HEAD into a
# temporary folder and runs `npm install` and `npm test` there, with no browser visible at first.
#
#   scripts/fresh-clone-check.sh [--keep-browsers] [--script <npm script>] [--keep]
#
# By default every browser is hidden, as on a machine that never had one: PATH becomes a folder of
# links to everything on PATH except chromium, chromium-browser, google-chrome* and chrome;
# CHROMIUM_PATH is unset; Playwright's browsers are looked for in an empty folder. `npm test` must
# then get one itself: Playwright's download where it can, else Debian's package (as root or with
# passwordless sudo; where it is already installed apt says so and its path is used), else stop
# with one sentence naming the command to run.
#
#   --keep-browsers   leave PATH, CHROMIUM_PATH and Playwright's browsers as they are
#   --script <name>   run `npm run <name>` instead of `npm test` (e.g. test:e2e, for a quicker check)
#   --keep            keep the temporary folder (its path is printed)
#
# DATABASE_URL is passed through: set it to run the PostgreSQL suites too. Exits non-zero when any
# step fails.
set -euo pipefail

hide_browsers=1
script=test
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --keep-browsers) hide_browsers=0 ;;
    --script) script="${2:?--script needs an npm script name}"; shift ;;
    --keep) keep=1 ;;
    *) echo "fresh-clone-check: unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

repo="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
head="$(git -C "$repo" rev-parse HEAD)"
if [ -n "$(git -C "$repo" status --porcelain)" ]; then
  echo "fresh-clone-check: uncommitted changes are not part of the check (it clones $head)" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/fresh-clone-check.XXXXXX")"
if [ "$keep" -eq 1 ]; then
  echo "fresh-clone-check: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

# A worktree's clone would check out the main branch: check out this HEAD explicitly.
git clone --quiet --no-checkout "$repo" "$work/support-agent"
git -C "$work/support-agent" checkout --quiet --detach "$head"

if [ "$hide_browsers" -eq 1 ]; then
  shims="$work/path"
  mkdir "$shims"
  IFS=: read -r -a path_dirs <<< "$PATH"
  for dir in "${path_dirs[@]}"; do
    [ -d "$dir" ] || continue
    for file in "$dir"/*; do
      name="${file##*/}"
      case "$name" in chromium | chromium-browser | google-chrome* | chrome) continue ;; esac
      # The first on PATH wins, as in a PATH search.
      if [ -f "$file" ] && [ -x "$file" ] && [ ! -e "$shims/$name" ]; then ln -s "$file" "$shims/$name"; fi
    done
  done
  export PATH="$shims"
  unset CHROMIUM_PATH
  export PLAYWRIGHT_BROWSERS_PATH="$work/ms-playwright"
  echo "fresh-clone-check: browsers hidden (PATH=$shims without chromium or chrome, CHROMIUM_PATH unset, PLAYWRIGHT_BROWSERS_PATH=$PLAYWRIGHT_BROWSERS_PATH)"
fi

step() {
  local started=$SECONDS
  echo "fresh-clone-check: $*"
  "$@"
  echo "fresh-clone-check: $* took $((SECONDS - started)) s"
}

cd "$work/support-agent"
echo "fresh-clone-check: $head in $PWD"
step npm install
if [ "$script" = test ]; then step npm test; else step npm run "$script"; fi
echo "fresh-clone-check: passed in $SECONDS s"
