#!/bin/sh
# floor.sh [-f FORKS] [-r BENCH_ROOT] INVENTORY FLOOR_CMDS — the benchmark's floor: what the playbook
# costs with no runner at all. Per host, ONE multiplexed ssh connection (ControlMaster, opened once,
# closed at the end) runs each line of FLOOR_CMDS (written by gen-playbook.sh: the POSIX sh each task
# boils down to) as its own remote command, in order, like a runner's one round trip per task and
# host. Hosts run in parallel, FORKS at a time (default 5, as Ansible's forks).
# INVENTORY: an INI inventory whose host lines carry ansible_host/ansible_port/ansible_user/
# ansible_ssh_private_key_file (the test bed's); its UserKnownHostsFile=... is used with strict checking.
# Exit 1 when a command fails on some host (that host's error goes to stderr).
set -eu
forks=5 root=/tmp/jplay-bench/floor
if [ "${1:-}" = --host ]; then  # internal: one host's worker (called through xargs)
    shift; name=$1 host=$2 port=$3 user=$4 key=$5 kh=$6 cmds=$7 root=$8 cp=$9
    ctl=$cp/$name
    set -- -o ControlPath="$ctl" -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$kh" \
        -i "$key" -p "$port" -l "$user"
    ssh "$@" -o ControlMaster=yes -o ControlPersist=yes -f -N "$host"
    rc=0
    while IFS= read -r line; do
        ssh "$@" "$host" "W='$root/$name'; H='$name'; $line" </dev/null || { rc=1; echo "floor: $name failed: $line" >&2; break; }
    done <"$cmds"
    ssh "$@" -O exit "$host" 2>/dev/null || true
    exit $rc
fi
while getopts f:r: o; do
    case $o in f) forks=$OPTARG ;; r) root=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: $0 [-f FORKS] [-r BENCH_ROOT] INVENTORY FLOOR_CMDS" >&2; exit 2; }
inv=$1 cmds=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
kh=$(sed -n 's/.*UserKnownHostsFile=\([^ '\'']*\).*/\1/p' "$inv" | head -n 1)
cp=$(mktemp -d /tmp/jplay-floor.XXXXXX)   # short: a ControlPath must fit in a unix socket name
trap 'rm -rf "$cp"' EXIT
awk '/ansible_host=/ {
        h = ""; p = 22; u = ENVIRON["USER"]; k = ""
        for (i = 2; i <= NF; i++) {
            split($i, kv, "=")
            if (kv[1] == "ansible_host") h = kv[2]
            else if (kv[1] == "ansible_port") p = kv[2]
            else if (kv[1] == "ansible_user") u = kv[2]
            else if (kv[1] == "ansible_ssh_private_key_file") k = kv[2]
        }
        print $1, h, p, u, k
    }' "$inv" |
while read -r name host port user key; do
    printf '%s %s %s %s %s %s %s %s %s\n' "$name" "$host" "$port" "$user" "$key" "$kh" "$cmds" "$root" "$cp"
done | xargs -P "$forks" -L 1 "$0" --host
