#!/usr/bin/env bash
# The Debian package's life cycle in a throwaway Debian 12 root, leaving this machine as it was:
# debootstrap a minbase bookworm root under the build directory, install the .deb with apt (which
# resolves its Depends from the mirror this machine's apt uses), start the service exactly as
# the installed systemd unit says (its User=, Group=, EnvironmentFile=, WorkingDirectory=,
# ExecStart=, ExecReload= and KillSignal= lines are read from the unit, not repeated here),
# then upgrade, remove and purge it. systemd does not run in a chroot; the unit itself is checked
# with `systemd-analyze verify`.
#
#   tests/packaging/install_test.sh PACKAGE.deb [WORK_DIR]
#
# Exits 77 (skipped) only when not root or when the Debian mirror cannot be reached. The minbase
# root (bootstrapping it takes minutes) is cached as a tarball between runs, CI's fresh clones
# included, in ~/.cache/tactful-package-test (or $TACTFUL_PKGTEST_CACHE); delete it to refresh.
set -euo pipefail

deb=$(realpath "$1")
work=$(realpath -m "${2:-$(dirname "$deb")/../package-test}")
cache=${TACTFUL_PKGTEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tactful-package-test}
root=$work/root
suite=bookworm

skip() {
  echo "package install test: SKIPPED: $*"
  exit 77
}
[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap and chroot); run it as root or in CI"

# The mirror this machine's apt already uses for the suite.
# shellcheck disable=SC2016  # $(REPO_URI) is apt's template, not the shell's
mirror=$(apt-get indextargets --format '$(REPO_URI)' "Codename: $suite" 'Created-By: Packages' 2>/dev/null |
  head -n 1 || true)
[ -n "$mirror" ] || skip "this machine's apt has no $suite source to bootstrap from"
host_port=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p.hostname, p.port or (443 if p.scheme == "https" else 80))' "$mirror")
if ! timeout 15 bash -c "exec 3<>/dev/tcp/${host_port% *}/${host_port#* }" 2>/dev/null; then
  skip "no network to the Debian mirror ($mirror)"
fi
for tool in debootstrap chroot python3 sqlite3 dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "package install test: FAILED: $tool is missing (scripts/install-deps.sh installs it)"; exit 1; }
done

test_started=$SECONDS
passed=0
failed=0
check() {  # check "what" command...
  local what=$1
  shift
  if "$@" >"$work/check.out" 2>&1; then
    passed=$((passed + 1))
    echo "  ok      $what"
  else
    failed=$((failed + 1))
    echo "  FAILED  $what"
    sed 's/^/          /' "$work/check.out" | head -n 20
  fi
}
in_root() { chroot "$root" "$@"; }

service_pid=""
cleanup() {
  if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
    kill -KILL "$service_pid" 2>/dev/null || true
  fi
  if mountpoint -q "$root/proc" 2>/dev/null; then umount -l "$root/proc"; fi
  rm -rf "$root"
}
trap cleanup EXIT

# --- a fresh root -------------------------------------------------------------------------
mkdir -p "$work" "$cache"
# A run killed before its cleanup may have left /proc mounted in the old root.
if mountpoint -q "$root/proc" 2>/dev/null; then umount -l "$root/proc"; fi
rm -rf "$root"
tarball=$cache/$suite-minbase.tar
started=$SECONDS
if [ -s "$tarball" ]; then
  mkdir -p "$root"
  tar -C "$root" -xf "$tarball"
  echo "root: $suite minbase from the cache ($((SECONDS - started)) s)"
else
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -n 30 "$work/debootstrap.log"; echo "package install test: FAILED: debootstrap"; exit 1; }
  echo "root: $suite minbase bootstrapped from $mirror ($((SECONDS - started)) s)"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A server has systemd (systemctl for the maintainer scripts, the targets the unit names) and
# procps (the unit's ExecReload runs /bin/kill); minbase has neither. Cached with the root.
if [ ! -x "$root/bin/systemctl" ]; then
  started=$SECONDS
  DEBIAN_FRONTEND=noninteractive chroot "$root" sh -c \
    'apt-get update -qq && apt-get install -y -qq --no-install-recommends systemd procps && apt-get clean' \
    >"$work/systemd.log" 2>&1 || { tail -n 30 "$work/systemd.log"; echo "package install test: FAILED: installing systemd into the root"; exit 1; }
  tar -C "$root" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
  echo "root: systemd and procps added ($((SECONDS - started)) s), cached as $tarball"
fi
mount -t proc proc "$root/proc"
export DEBIAN_FRONTEND=noninteractive
in_root apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }

# The same package with a higher version, to upgrade to.
version=$(dpkg-deb -f "$deb" Version)
next_deb=$work/tactful_next.deb
rm -rf "$work/next" && dpkg-deb -R "$deb" "$work/next"
sed -i "s/^Version: .*/Version: $version+upgrade1/" "$work/next/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/next" "$next_deb" >/dev/null
rm -rf "$work/next"
cp "$deb" "$root/tmp/tactful.deb"
cp "$next_deb" "$root/tmp/tactful_next.deb"

# --- the unit, as systemd would read it ----------------------------------------------------
unit_path=/lib/systemd/system/tactful.service
unit_value() {  # the last value of KEY= in [Service]
  awk -v key="$1" '/^\[/{s=($0=="[Service]")} s && index($0, key "=")==1 {v=substr($0, length(key)+2)} END{print v}' "$root$unit_path"
}
unit_values() {  # every value of KEY= in [Service]
  awk -v key="$1" '/^\[/{s=($0=="[Service]")} s && index($0, key "=")==1 {print substr($0, length(key)+2)}' "$root$unit_path"
}
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port

# Starts the service the way the unit says; sets service_pid.
start_service() {
  local user group exec_start workdir env_args=() line file
  user=$(unit_value User)
  group=$(unit_value Group)
  exec_start=$(unit_value ExecStart)
  workdir=$(unit_value WorkingDirectory)
  exec_start=${exec_start#[-@:+!]}
  local uid gid home shell
  uid=$(in_root id -u "$user")
  gid=$(in_root getent group "$group" | cut -d: -f3)
  home=$(in_root getent passwd "$user" | cut -d: -f6)
  shell=$(in_root getent passwd "$user" | cut -d: -f7)
  # What systemd gives a service with User=: a fixed PATH, HOME, USER, LOGNAME, SHELL.
  env_args=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$home"
            USER="$user" LOGNAME="$user" SHELL="$shell")
  while IFS= read -r line; do
    [ -n "$line" ] && env_args+=("$line")
  done < <(unit_values Environment)
  while IFS= read -r file; do
    local optional=0
    if [ "${file#-}" != "$file" ]; then optional=1; file=${file#-}; fi
    if [ -f "$root$file" ]; then
      while IFS= read -r line; do
        case "$line" in ''|'#'*) ;; *) env_args+=("$line") ;; esac
      done <"$root$file"
    elif [ $optional -eq 0 ]; then
      echo "EnvironmentFile $file is missing"; return 1
    fi
  done < <(unit_values EnvironmentFile)
  # shellcheck disable=SC2086,SC2016  # ExecStart is split on spaces, as systemd does unquoted
  chroot --userspec="$uid:$gid" "$root" /usr/bin/env -i "${env_args[@]}" /bin/sh -c \
    'cd "$1" && shift && exec "$@"' sh "$workdir" $exec_start >>"$work/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 100); do
    if in_root /usr/bin/tactful healthcheck "$base/healthz" --timeout-ms 500 >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$service_pid" 2>/dev/null || { echo "the service exited:"; tail -n 20 "$work/service.log"; return 1; }
    sleep 0.1
  done
  echo "no answer on $base/healthz after 10 s"; tail -n 20 "$work/service.log"
  return 1
}

# Stops it with the unit's KillSignal and expects a clean exit within TimeoutStopSec.
stop_service() {
  local signal limit rc=0
  signal=$(unit_value KillSignal)
  limit=$(unit_value TimeoutStopSec)
  limit=${limit%s}
  kill "-${signal#SIG}" "$service_pid"
  for _ in $(seq 1 $((${limit:-90} * 10))); do
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 0.1
  done
  wait "$service_pid" || rc=$?
  service_pid=""
  [ "$rc" -eq 0 ] || { echo "exit status $rc"; tail -n 20 "$work/service.log"; return 1; }
}

# The unit's ExecReload, with $MAINPID (as root, the way systemd runs it, inside the root).
reload_service() {
  local cmd
  cmd=$(unit_value ExecReload)
  cmd=${cmd//\$MAINPID/$service_pid}
  # shellcheck disable=SC2086
  in_root $cmd
  for _ in $(seq 1 50); do
    grep -q '"event":"rules_reloaded"' "$work/service.log" && return 0
    sleep 0.1
  done
  echo "no rules_reloaded event after SIGHUP"; tail -n 20 "$work/service.log"
  return 1
}

http() {  # http METHOD PATH [BODY] -> prints "STATUS BODY"
  python3 - "$1" "$base$2" "${3:-}" <<'PY'
import sys, urllib.request, urllib.error
method, url, body = sys.argv[1], sys.argv[2], sys.argv[3]
req = urllib.request.Request(url, method=method, data=body.encode() if body else None)
try:
    with urllib.request.urlopen(req, timeout=10) as r:
        print(r.status, r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())
PY
}
expect_http() {  # expect_http METHOD PATH BODY STATUS NEEDLE
  local out
  out=$(http "$1" "$2" "$3")
  echo "$out" | head -c 600
  [ "${out%% *}" = "$4" ] && [[ "$out" == *"$5"* ]]
}
owner_mode() { in_root stat -c '%U:%G %a' "$1"; }  # names from the root's passwd
feedback_rows() { sqlite3 "$root/var/lib/tactful/tactful.db" 'SELECT count(*) FROM feedback;'; }
system_user_ok() { in_root getent passwd tactful | grep -q ':/var/lib/tactful:/usr/sbin/nologin$'; }
is_conffile() { in_root dpkg-query -W -f='${Conffiles}' tactful | grep -q /etc/tactful/tactful.json; }
user_gone() { ! in_root getent passwd tactful && ! in_root getent group tactful; }

echo "package: $(basename "$deb") ($version), root: $root"

# --- install ------------------------------------------------------------------------------
echo "install:"
check "apt installs the package and its Depends into a bare bookworm" \
  in_root apt-get install -y -q --no-install-recommends /tmp/tactful.deb
check "the tactful system user exists, with no login shell" system_user_ok
check "/var/lib/tactful belongs to tactful, mode 750" test "$(owner_mode /var/lib/tactful)" = "tactful:tactful 750"
check "/etc/tactful/tactful.json is root:tactful, mode 640" test "$(owner_mode /etc/tactful/tactful.json)" = "root:tactful 640"
check "/etc/tactful/tactful.json is a conffile" is_conffile
check "the unit is installed at $unit_path" test -f "$root$unit_path"
check "the unit is enabled (multi-user.target wants it)" \
  test -L "$root/etc/systemd/system/multi-user.target.wants/tactful.service"
check "the unit runs as User=tactful with Restart=on-failure" \
  test "$(unit_value User)/$(unit_value Restart)" = "tactful/on-failure"
for directive in NoNewPrivileges=yes ProtectSystem=strict ReadWritePaths=/var/lib/tactful \
  PrivateTmp=yes ProtectHome=yes ProtectKernelTunables=yes ProtectKernelModules=yes \
  CapabilityBoundingSet= SystemCallFilter=@system-service; do
  check "the unit sets $directive" grep -qx "$directive" "$root$unit_path"
done
if command -v systemd-analyze >/dev/null; then
  check "systemd-analyze verify accepts the installed unit" \
    bash -c "systemd-analyze verify --root='$root' '$unit_path' 2>&1 | tee /dev/stderr | (! grep -q .)"
else
  echo "  (systemd-analyze is not installed: the unit is not verified)"
fi

# --- run it as the unit would -------------------------------------------------------------
echo "service:"
echo "TACTFUL_LISTEN=127.0.0.1:$port" >"$root/etc/default/tactful"
check "starts as the unit says and answers /healthz (tactful healthcheck)" start_service
if [ -n "$service_pid" ]; then
  # chroot, env and sh each exec the next, so the started pid is the service itself.
  check "runs as the tactful user" test "$(stat -c %u "/proc/$service_pid")" = "$(in_root id -u tactful)"
  check "GET /healthz" expect_http GET /healthz "" 200 '"status":"ok"'
  check "GET /readyz" expect_http GET /readyz "" 200 ""
  check "POST /v1/suggest round trip flags policy language" \
    expect_http POST /v1/suggest '{"draft": "Per our policy, refunds take 5-10 days."}' 200 '"category":"policy-language"'
  check "POST /v1/feedback is stored" \
    expect_http POST /v1/feedback '{"rule": "policy.per-policy", "action": "accepted"}' 201 '"id"'
  check "SIGHUP via the unit's ExecReload reloads the rules" reload_service
  check "GET /metrics counts the suggest request" \
    expect_http GET /metrics "" 200 'tactful_http_requests_total{route="/v1/suggest",code="200"} 1'
  check "the unit's KillSignal stops it cleanly (exit 0)" stop_service
fi
check "the store is in /var/lib/tactful, owned by tactful" test "$(owner_mode /var/lib/tactful/tactful.db | cut -d: -f1)" = tactful
check "the store holds the feedback row" test "$(feedback_rows)" = 1

# --- upgrade ------------------------------------------------------------------------------
echo "upgrade:"
sed -i 's/"reload_poll_ms": 2000/"reload_poll_ms": 3000/' "$root/etc/tactful/tactful.json"
check "reinstalling the same version succeeds" in_root dpkg -i /tmp/tactful.deb
check "upgrading to $version+upgrade1 succeeds" in_root dpkg -i /tmp/tactful_next.deb
check "the operator's config edit is kept" grep -q '"reload_poll_ms": 3000' "$root/etc/tactful/tactful.json"
check "no .dpkg-dist/.dpkg-old copies were left" bash -c "! ls '$root/etc/tactful/' | grep -q dpkg"
check "the config is still root:tactful 640" test "$(owner_mode /etc/tactful/tactful.json)" = "root:tactful 640"
check "the store is kept" test "$(feedback_rows)" = 1
check "starts again after the upgrade" start_service
if [ -n "$service_pid" ]; then
  check "feedback still reaches the kept store" \
    expect_http POST /v1/feedback '{"rule": "policy.per-policy", "action": "dismissed"}' 201 '"id":2'
  check "stops cleanly" stop_service
fi

# --- remove and purge ----------------------------------------------------------------------
echo "remove:"
check "apt-get remove succeeds" in_root apt-get remove -y -q tactful
check "the binary and the unit are gone" bash -c "! test -e '$root/usr/bin/tactful' && ! test -e '$root$unit_path'"
check "the unit is disabled" test ! -L "$root/etc/systemd/system/multi-user.target.wants/tactful.service"
check "the config is kept after remove" test -f "$root/etc/tactful/tactful.json"
check "the data is kept after remove" test "$(feedback_rows)" = 2
check "the user is kept after remove" in_root getent passwd tactful
echo "purge:"
check "dpkg --purge succeeds" in_root dpkg --purge tactful
check "the data directory is gone" test ! -e "$root/var/lib/tactful"
check "/etc/tactful is gone" test ! -e "$root/etc/tactful"
check "the tactful user and group are gone" user_gone
check "dpkg no longer knows the package" bash -c "! chroot '$root' dpkg-query -W tactful"

# --- lint ---------------------------------------------------------------------------------
if command -v lintian >/dev/null; then
  echo "lint:"
  # The package ships its overrides (packaging/lintian-overrides), each with its reason.
  check "lintian finds no error or warning in the package" lintian --fail-on error,warning "$deb"
else
  echo "  (lintian is not installed: the package is not linted)"
fi

echo "package install test: $((SECONDS - test_started)) s in all"
echo "packaging: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
