#!/usr/bin/env bash
# smoke.sh — verifies the whole test bed end to end, then tears it down.
#
# Usage: testbed/smoke.sh            (as root; same environment variables as testbed.sh)
#   SMOKE_KEEP=1 testbed/smoke.sh    leave everything running afterwards
#
# Boots TESTBED_TARGETS (2) systemd targets and TESTBED_SSHD_HOSTS (3) plain sshd hosts, then checks:
# key and password login, hostname, `systemctl is-system-running`, start/stop/enable of a unit,
# sudo, /bin/sh login shells, a file from nginx, `apt-get install jplay-hello` from the offline
# repo, and after `down` that no process, mount or listening port is left.
# Prints "ok"/"FAIL" per check and a closing "N passed, N failed" line; exits 1 on any failure.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TB=$HERE/testbed.sh
export TESTBED_DIR=${TESTBED_DIR:-/var/tmp/jplay-testbed}
NT=${TESTBED_TARGETS:-2}
NS=${TESTBED_SSHD_HOSTS:-3}
TPORT=${TESTBED_TARGET_PORT:-2201}
SPORT=${TESTBED_SSHD_PORT:-2301}
HPORT=${TESTBED_HTTP_PORT:-8801}
USER_=${TESTBED_USER:-jplay}
PASS=${TESTBED_PASSWORD:-jplay-pass}
KEY=$TESTBED_DIR/ssh/id_ed25519
KH=$TESTBED_DIR/ssh/known_hosts
passed=0; failed=0

ok() { passed=$((passed + 1)); echo "ok   - $*"; }
bad() { failed=$((failed + 1)); echo "FAIL - $*"; }
check() {  # description command...
    local d=$1; shift
    if out=$("$@" 2>&1); then ok "$d"; else bad "$d"; printf '%s\n' "$out" | tail -n 15 | sed 's/^/       /'; fi
}
sshk() {  # port user cmd
    local p=$1 u=$2; shift 2
    ssh -i "$KEY" -p "$p" -o BatchMode=yes -o UserKnownHostsFile="$KH" -o StrictHostKeyChecking=yes \
        -o ConnectTimeout=10 -o LogLevel=ERROR "$u@127.0.0.1" "$@"
}
sshpw() {  # port user cmd
    local p=$1 u=$2; shift 2
    sshpass -p "$PASS" ssh -p "$p" -o PubkeyAuthentication=no -o PreferredAuthentications=password \
        -o UserKnownHostsFile="$KH" -o StrictHostKeyChecking=yes -o ConnectTimeout=10 -o LogLevel=ERROR \
        "$u@127.0.0.1" "$@"
}
expect_eq() {  # want command... : command's output must equal want
    local want=$1 got; shift
    got=$("$@") || { echo "command failed: $*"; echo "$got"; return 1; }
    [ "$got" = "$want" ] || { echo "want: $want"; echo "got:  $got"; return 1; }
}

cleanup() { [ "${SMOKE_KEEP:-0}" = 1 ] || "$TB" down >/dev/null 2>&1 || true; }
trap cleanup EXIT

t0=$(date +%s)
if "$TB" up "$NT" "$NS"; then ok "testbed up ($NT targets, $NS sshd hosts) in $(( $(date +%s) - t0 ))s"
else bad "testbed up"; echo "$passed passed, $failed failed"; exit 1; fi
t1=$(date +%s)

check "status says all up" "$TB" status
check "inventory lists the hosts" sh -c "grep -c 'ansible_host=127.0.0.1' '$TESTBED_DIR/inventory.ini' | grep -qx $((NT + NS))"

target_state() {
    local out state host
    out=$(sshk "$1" "$USER_" 'sudo systemctl is-system-running; hostname') || true
    state=$(echo "$out" | sed -n 1p); host=$(echo "$out" | sed -n 2p)
    echo "$state / $host"
    case $state in running|degraded) ;; *) return 1 ;; esac
    [ "$host" = "$2" ]
}
for i in $(seq 1 "$NT"); do
    p=$((TPORT + i - 1))
    check "target$i: key login as $USER_, sudo systemctl is-system-running, hostname target$i" target_state "$p" "target$i"
    check "target$i: login shell is /bin/sh" expect_eq /bin/sh sshk "$p" "$USER_" 'getent passwd $(id -un) | cut -d: -f7'
    check "target$i: root login by key" expect_eq root sshk "$p" root 'id -un'
    check "target$i: password login" expect_eq "$USER_" sshpw "$p" "$USER_" 'id -un'
done

p=$TPORT
check "target1: systemctl start/is-active/stop jplay-test" sshk "$p" "$USER_" \
    'set -e; sudo systemctl start jplay-test; sudo systemctl is-active jplay-test; sudo systemctl stop jplay-test; ! sudo systemctl is-active jplay-test'
check "target1: systemctl enable/disable jplay-test" sshk "$p" "$USER_" \
    'set -e; sudo systemctl enable jplay-test; test "$(sudo systemctl is-enabled jplay-test)" = enabled; sudo systemctl disable jplay-test'
check "target1: systemctl daemon-reload" sshk "$p" "$USER_" 'sudo systemctl daemon-reload'
check "target1: apt sources point only at the loopback repo" expect_eq \
    "deb [trusted=yes] http://127.0.0.1:$HPORT/apt ./" sshk "$p" "$USER_" 'cat /etc/apt/sources.list; find /etc/apt/sources.list.d -type f'
check "target1: apt-get update + install jplay-hello from the offline repo" sshk "$p" "$USER_" \
    'set -e; sudo apt-get -q update; sudo DEBIAN_FRONTEND=noninteractive apt-get -q install -y jplay-hello; jplay-hello'
check "target1: jplay-hello 1.1 runs" expect_eq "hello from jplay-hello 1.1" sshk "$p" "$USER_" jplay-hello
if [ "$NT" -ge 2 ]; then
    check "target2 does not see target1's package (separate overlays)" sshk "$((TPORT + 1))" "$USER_" '! command -v jplay-hello'
fi

for i in $(seq 1 "$NS"); do
    p=$((SPORT + i - 1))
    check "sshd$i: key login as $USER_ with /bin/sh" expect_eq "$USER_ /bin/sh" sshk "$p" "$USER_" \
        'echo "$(id -un) $(getent passwd $(id -un) | cut -d: -f7)"'
    check "sshd$i: password login" expect_eq "$USER_" sshpw "$p" "$USER_" 'id -un'
done

check "nginx: fetch files/hello.txt" expect_eq "hello from the jplay test bed" curl -fsS "http://127.0.0.1:$HPORT/files/hello.txt"
check "nginx: apt repo Packages lists jplay-hello" sh -c "curl -fsS http://127.0.0.1:$HPORT/apt/Packages | grep -q '^Package: jplay-hello$'"
t2=$(date +%s)

if [ "${SMOKE_KEEP:-0}" != 1 ]; then
    check "testbed down" "$TB" down
    check "status after down: nothing runs (exit 3)" sh -c "'$TB' status >/dev/null; test \$? = 3"
    check "no mounts left under TESTBED_DIR" sh -c "! awk '{print \$5}' /proc/self/mountinfo | grep -q '^$TESTBED_DIR'"
    ports_closed() {
        local p
        for p in $(seq "$TPORT" $((TPORT + NT - 1))) $(seq "$SPORT" $((SPORT + NS - 1))) "$HPORT"; do
            if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p still open"; return 1; fi
        done
    }
    check "no port left listening" ports_closed
    check "no process left (systemd, sshd, nginx of the test bed)" sh -c "! ps -eo args | grep -E '$TESTBED_DIR|container=jplay' | grep -v grep"
fi
t3=$(date +%s)
echo "timing: up $((t1 - t0))s, checks $((t2 - t1))s, down $((t3 - t2))s, total $((t3 - t0))s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
