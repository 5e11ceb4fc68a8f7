#!/bin/sh
# run.sh [-H HOSTS] [-n TASKS] [-f FORKS] [-t "jplay ansible floor"] — the benchmark, side by side.
# Starts HOSTS plain sshd hosts of the test bed (testbed/testbed.sh sshd-up; export the TESTBED_*
# variables of your instance first), generates a playbook of TASKS tasks (gen-playbook.sh), then runs,
# one after the other on the same hosts: bin/jplay, ansible-playbook (pipelining, ControlPersist, same
# forks, strict host key checking against the test bed's known_hosts as jplay) and the floor (floor.sh).
# Each tool runs twice: "1st" from empty work dirs (every task changes something) and "2nd" again
# (nothing changes). Prints wall time, CPU time (user+sys of the tool and the children it waited for:
# ansible's forks and ssh, the floor's ssh clients; not the sshd side), peak RSS (/usr/bin/time: the
# largest single process) and the ratios as a table, and keeps everything (playbook, logs, table) in
# bench/results/<run>/
# Defaults: 4 hosts, 50 tasks, forks = hosts (at most 50).
set -eu
here=$(cd "$(dirname "$0")" && pwd); top=$(dirname "$here")
hosts=4 tasks=50 forks= tools="jplay ansible floor"
while getopts H:n:f:t: o; do
    case $o in H) hosts=$OPTARG ;; n) tasks=$OPTARG ;; f) forks=$OPTARG ;; t) tools=$OPTARG ;;
    *) echo "usage: $0 [-H HOSTS] [-n TASKS] [-f FORKS] [-t TOOLS]" >&2; exit 2 ;; esac
done
[ -n "$forks" ] || forks=$(( hosts < 50 ? hosts : 50 ))
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
[ -f "$top/cli/target/jplay.jar" ] || { echo "build jplay first: mvn -B -q -o install -DskipTests" >&2; exit 1; }

tb=${TESTBED_DIR:-/var/tmp/jplay-testbed}
"$top/testbed/testbed.sh" sshd-up "$hosts" >/dev/null
out=$here/results/$(date +%Y%m%d-%H%M%S)-h$hosts-n$tasks-f$forks
mkdir -p "$out"
"$here/gen-playbook.sh" "$tasks" "$out"
# the first HOSTS sshd hosts only (the test bed may run more)
awk -v n="$hosts" '/^\[/ { sec = $0 }
    sec == "[sshd_hosts]" && /^sshd[0-9]+ / { if (substr($1, 5) + 0 <= n) print; next }
    sec == "[all:vars]" || /^\[(sshd_hosts|all:vars)\]/ || /^$/ { print }' "$tb/inventory.ini" >"$out/inventory.ini"
cat >"$out/ansible.cfg" <<CFG
[defaults]
forks = $forks
host_key_checking = True
interpreter_python = /usr/bin/python3
[ssh_connection]
pipelining = True
ssh_args = -o ControlMaster=auto -o ControlPersist=60s
control_path_dir = $out/cp
CFG
root=/tmp/jplay-bench   # the sshd hosts log in on this machine: work dirs are local paths

run_tool() {  # tool pass
    local tool=$1 pass=$2 log=$out/$1-$2.log
    case $tool in
    jplay)   set -- "$top/bin/jplay" -i "$out/inventory.ini" -f "$forks" -e "bench_root=$root/jplay" "$out/site.yml" ;;
    ansible) set -- env ANSIBLE_CONFIG="$out/ansible.cfg" ansible-playbook -i "$out/inventory.ini" -f "$forks" \
                 -e "bench_root=$root/ansible" "$out/site.yml" ;;
    floor)   set -- "$here/floor.sh" -f "$forks" -r "$root/floor" "$out/inventory.ini" "$out/floor.cmds" ;;
    esac
    (cd "$out" && /usr/bin/time -f 'TIME %e %M %U %S' -o "$log.time" "$@" >"$log" 2>&1) || echo "$tool ($pass run) failed, see $log" >&2
    # changed/failed summed over the recap (the floor has none)
    awk '/ : ok=/ { for (i = 3; i <= NF; i++) { split($i, kv, "="); s[kv[1]] += kv[2] } }
         END { printf "%s %s\n", (("changed" in s) ? s["changed"] : "-"), (("failed" in s) ? s["failed"] + s["unreachable"] : "-") }' "$log" >"$log.recap"
}
# untimed warm-up: the first jplay run after a build writes its class data archive (bin/jplay)
"$here/gen-playbook.sh" 1 "$out/warmup"
"$top/bin/jplay" -i "$out/inventory.ini" -f "$forks" -e "bench_root=$root/warmup" "$out/warmup/site.yml" >"$out/warmup.log" 2>&1 ||
    echo "jplay warm-up failed, see $out/warmup.log" >&2
for tool in $tools; do
    rm -rf "${root:?}/$tool"
    run_tool "$tool" 1st
    run_tool "$tool" 2nd
done
for s in "$out"/cp/*; do [ -S "$s" ] && ssh -o ControlPath="$s" -O exit x >/dev/null 2>&1; done; true

ran() { case " $tools " in *" $1 "*) return 0 ;; esac; return 1; }
wall() { awk '{print $2}' "$out/$1-$2.log.time"; }
{
    echo "hosts=$hosts tasks=$tasks forks=$forks  ($(nproc) cores, $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg))"
    printf '%-8s %-4s %9s %9s %10s %8s %7s\n' tool run wall_s cpu_s peak_MiB changed failed
    for tool in $tools; do for pass in 1st 2nd; do
        read -r t s rss us sy <"$out/$tool-$pass.log.time" || true
        read -r ch fa <"$out/$tool-$pass.log.recap"
        printf '%-8s %-4s %9s %9s %10s %8s %7s\n' "$tool" "$pass" "$s" "$(echo "${us:-0} ${sy:-0}" | awk '{printf "%.2f", $1 + $2}')" \
            "$(( ${rss:-0} / 1024 ))" "$ch" "$fa"
    done; done
    for pass in 1st 2nd; do
        if ran jplay && ran ansible; then
            printf 'ansible/jplay (%s run): %s\n' "$pass" "$(echo "$(wall ansible $pass) $(wall jplay $pass)" | awk '{printf "%.1fx", $1 / $2}')"
        fi
        if ran jplay && ran floor; then
            printf 'jplay/floor   (%s run): %s\n' "$pass" "$(echo "$(wall jplay $pass) $(wall floor $pass)" | awk '{printf "%.2fx", $1 / $2}')"
        fi
    done
} | tee "$out/table.txt"
echo "results: $out" >&2
