#!/usr/bin/env bash
# No container engine runs here, so this checks packaging/Dockerfile against the tree instead:
# every file it COPYs exists (and is not filtered out of the build context), every program its
# RUN lines call exists, the -D options it passes are the project's, the runtime stage installs
# real Debian 12 packages covering every shared library the binary links, the user is not root,
# EXPOSE matches the listen port, and its CMD and HEALTHCHECK work with the built binary.
#
#   tests/packaging/dockerfile_test.sh SOURCE_DIR BUILD_DIR TACTFUL_BINARY
set -euo pipefail

src=$(realpath "$1")
build=$(realpath "$2")
binary=$(realpath "$3")
dockerfile=$src/packaging/Dockerfile
ignore=$src/packaging/Dockerfile.dockerignore
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "  ok      $1"; }
bad() { failed=$((failed + 1)); echo "  FAILED  $1"; }
check() {  # check "what" command...
  local what=$1
  shift
  if "$@" >"$work/out" 2>&1; then ok "$what"; else bad "$what"; sed 's/^/          /' "$work/out" | head -n 20; fi
}

# The Dockerfile as logical lines: continuations joined, comments dropped.
sed -e '/^[[:space:]]*#/d' "$dockerfile" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta' | tr -s ' ' >"$work/lines"
instructions() { grep -E "^$1 " "$work/lines" | sed -E "s/^$1 //"; }

# --- COPY ---------------------------------------------------------------------------------
ignored() {  # is a context path filtered out by the .dockerignore?
  local path=$1 pattern
  while IFS= read -r pattern; do
    case "$pattern" in ''|'#'*) continue ;; esac
    pattern=${pattern#\*\*/}
    case "/$path/" in */"$pattern"/*) return 0 ;; esac
  done <"$ignore"
  return 1
}
while IFS= read -r line; do
  read -r -a words <<<"$line"
  from=""
  args=()
  for w in "${words[@]}"; do
    case "$w" in --from=*) from=${w#--from=} ;; --*) ;; *) args+=("$w") ;; esac
  done
  unset 'args[${#args[@]}-1]'  # the destination
  for s in "${args[@]}"; do
    if [ -z "$from" ]; then
      s=${s%/}
      s=${s#./}
      if [ -e "$src/$s" ] && ! ignored "$s"; then ok "COPY $s: in the build context"; else bad "COPY $s: missing from the build context"; fi
    else
      # The build stage works in /src and builds into /src/build/container, laid out as here.
      case "$s" in
        /src/build/container/*) local_path=$build/${s#/src/build/container/} ;;
        /src/*) local_path=$src/${s#/src/} ;;
        *) local_path="" ;;
      esac
      if [ -n "$local_path" ] && [ -e "$local_path" ]; then ok "COPY --from=$from $s: the build produces it"; else bad "COPY --from=$from $s: not produced by the build"; fi
    fi
  done
done < <(instructions COPY)

# --- RUN ----------------------------------------------------------------------------------
while IFS= read -r line; do
  # Each command of a `a && b && c` chain: its program must exist (a repo script or a program
  # this Debian 12 machine has, as the image's Debian does).
  while IFS= read -r cmd; do
    read -r -a words <<<"$cmd"
    i=0
    while [[ "${words[$i]}" == *=* ]]; do i=$((i + 1)); done  # VAR=value prefixes
    prog=${words[$i]}
    if [[ "$prog" == */* ]] && [[ "$prog" != /* ]]; then
      if [ -x "$src/$prog" ]; then ok "RUN $prog: an executable in the repository"; else bad "RUN $prog: not an executable in the repository"; fi
    elif command -v "$prog" >/dev/null; then
      ok "RUN $prog: exists"
    else
      bad "RUN $prog: no such program"
    fi
    for w in "${words[@]}"; do
      if [[ "$w" == -DTACTFUL_* ]]; then
        name=${w#-D}
        name=${name%%=*}
        if grep -q "option($name " "$src/CMakeLists.txt"; then ok "RUN cmake $w: a project option"; else bad "RUN cmake $w: no such option in CMakeLists.txt"; fi
      fi
    done
  done < <(echo "$line" | sed 's/ && /\n/g')
done < <(instructions RUN)

# --- the runtime stage's packages ---------------------------------------------------------
runtime=$(awk '/^FROM /{n++} n==2' "$work/lines")
packages=$(echo "$runtime" | grep -oE 'apt-get install [^&]*' | tr ' ' '\n' | grep -vE '^(apt-get|install|-.*|)$' | xargs || true)
[ -n "$packages" ] && ok "the runtime stage installs packages: $(echo $packages)" || bad "the runtime stage installs no packages"
for p in $packages; do
  check "runtime package $p is a Debian 12 package (installed here)" dpkg-query -W "$p"
done
# Every shared library of the binary comes from one of those packages or from what
# debian:bookworm-slim already has (libc6, libgcc-s1, libstdc++6: apt itself needs them).
in_slim="libc6 libgcc-s1 libstdc++6 zlib1g"
mapfile -t libs < <(ldd "$binary" | grep -oE '/[^ ]+\.so[^ ]*' | sort -u)
# One dpkg -S for all of them (each call reads the whole package database).
dpkg -S "${libs[@]}" >"$work/owners" 2>/dev/null || true
for lib in "${libs[@]}"; do
  owner=$(grep -F ": $lib" "$work/owners" | head -n 1 | cut -d: -f1 || true)
  if [ -z "$owner" ]; then
    # Not under the path dpkg recorded (usrmerge): ask for the other spelling.
    other=$lib
    case "$lib" in /usr/*) other=${lib#/usr} ;; *) other=/usr$lib ;; esac
    owner=$(dpkg -S "$other" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
  fi
  if [ -z "$owner" ]; then bad "library $lib: no Debian package owns it"; continue; fi
  if echo " $packages $in_slim " | grep -q " $owner "; then
    ok "library $(basename "$lib"): from $owner, which the image has"
  else
    bad "library $(basename "$lib"): from $owner, which the runtime stage does not install"
  fi
done

# --- user, port, commands -----------------------------------------------------------------
user=$(instructions USER | tail -n 1)
if [ -n "$user" ] && [ "$user" != root ] && [ "$user" != 0 ]; then ok "runs as the non-root user $user"; else bad "USER is root or missing"; fi
listen=$(echo "$runtime" | grep -oE 'TACTFUL_LISTEN=[^ ]+' | tail -n 1 | cut -d= -f2)
exposed=$(instructions EXPOSE | tail -n 1)
if [ -n "$listen" ] && [ "${listen##*:}" = "$exposed" ]; then ok "EXPOSE $exposed is the listen port ($listen)"; else bad "EXPOSE '$exposed' does not match TACTFUL_LISTEN '$listen'"; fi
json_args() { python3 -c 'import json, sys; print("\n".join(json.loads(sys.argv[1])))' "$1"; }
mapfile -t entrypoint < <(json_args "$(instructions ENTRYPOINT | tail -n 1)")
mapfile -t cmd < <(json_args "$(instructions CMD | tail -n 1)")
mapfile -t health < <(json_args "$(instructions HEALTHCHECK | grep -oE 'CMD \[.*\]' | sed 's/^CMD //')")
# Paths inside the image map to the repository's copies (COPY --from=build ... ).
map_paths() { local a; for a in "$@"; do [ "$a" = /etc/tactful/tactful.json ] && a=$src/packaging/tactful.json; echo "$a"; done; }
mapfile -t cmd < <(map_paths "${cmd[@]}")
mapfile -t health < <(map_paths "${health[@]}")
check "ENTRYPOINT [${entrypoint[*]}] is the installed binary's name" test "${entrypoint[*]}" = tactful
[ "${health[0]}" = tactful ] && ok "HEALTHCHECK runs tactful" || bad "HEALTHCHECK runs ${health[0]}, not tactful"

# With the image's environment and no API key, CMD must refuse to start (not listen openly).
refuse() {
  local rc=0
  env -i TACTFUL_LISTEN="$listen" TACTFUL_DATA_DIR="$work/data" TACTFUL_PACKS= \
    timeout 10 "$binary" "${cmd[@]}" >"$work/refuse.log" 2>&1 || rc=$?
  cat "$work/refuse.log"
  [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && grep -q "needs API keys" "$work/refuse.log"
}
check "CMD with the image's ENV and no API key refuses to start, naming TACTFUL_API_KEYS" refuse

# With a key, CMD serves and the HEALTHCHECK command says healthy (on loopback: this test
# sends traffic to this machine only).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
serve_env=(TACTFUL_LISTEN="127.0.0.1:$port" TACTFUL_API_KEYS=test-key-0123456789abcdef
           TACTFUL_DATA_DIR="$work/data" TACTFUL_PACKS=)
env -i "${serve_env[@]}" "$binary" "${cmd[@]}" >"$work/serve.log" 2>&1 &
server_pid=$!
healthy() {
  for _ in $(seq 1 100); do
    if env -i "${serve_env[@]}" "$binary" "${health[@]:1}" --timeout-ms 500; then return 0; fi
    sleep 0.1
  done
  cat "$work/serve.log"
  return 1
}
check "CMD serves and HEALTHCHECK's command reports healthy" healthy
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
unhealthy() { ! env -i "${serve_env[@]}" "$binary" "${health[@]:1}" --timeout-ms 500; }
check "HEALTHCHECK's command fails once the service is gone" unhealthy

# --- lint ---------------------------------------------------------------------------------
if command -v hadolint >/dev/null; then
  check "hadolint" hadolint "$dockerfile"
else
  echo "  (hadolint is not packaged for Debian 12 nor on npm: not linted; see docs/operations.md)"
fi

echo "dockerfile: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
