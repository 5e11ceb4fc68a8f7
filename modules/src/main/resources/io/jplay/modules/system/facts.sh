# jplay's fact probe: one POSIX sh script, one round trip. Each section starts with a line "@@@<name>"; the
# controller (io.jplay.modules.system.FactsProbe and the *Facts classes) turns the raw text into facts. Reading files and
# running read-only commands only; every probe tolerates a missing tool or file.
s() { printf '\n@@@%s\n' "$1"; }
s env; { env -0 2>/dev/null || env | tr '\n' '\0'; } | tr '\n\0' '\037\n'
LC_ALL=C; export LC_ALL
s uname; uname -s; uname -r; uname -v; uname -m; uname -n
s fqdn; hostname -f 2>/dev/null || hostname 2>/dev/null || uname -n
s os_release; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null
s debian_version; cat /etc/debian_version 2>/dev/null
s redhat_release; cat /etc/redhat-release 2>/dev/null
s alpine_release; cat /etc/alpine-release 2>/dev/null
s lsb_release; command -v lsb_release >/dev/null 2>&1 && lsb_release -a 2>/dev/null
s lsb_file; cat /etc/lsb-release 2>/dev/null
s cpuinfo; cat /proc/cpuinfo 2>/dev/null
s nproc; nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null
s meminfo; cat /proc/meminfo 2>/dev/null
s mounts; cat /proc/mounts 2>/dev/null
s binds; command -v findmnt >/dev/null 2>&1 && findmnt --list --noheadings --notruncate -o TARGET,SOURCE 2>/dev/null
s statfs
while read -r dev mnt fs rest; do
  case "$dev" in /*|*:/*) mnt=$(printf '%b' "$mnt"); printf '%s\t' "$mnt"; stat -f -c '%s %S %b %f %a %c %d' "$mnt" 2>/dev/null || echo; esac
done < /proc/mounts
s uuids; for f in /dev/disk/by-uuid/*; do [ -e "$f" ] && printf '%s %s\n' "$(readlink -f "$f")" "${f##*/}"; done 2>/dev/null
s ip_addr; ip -o addr show 2>/dev/null
s ip_link; ip -o link show 2>/dev/null
s route4; ip -4 route get 8.8.8.8 2>/dev/null
s route6; ip -6 route get 2404:6800:4003:c00::64 2>/dev/null
s route4_default; ip -4 route show default 2>/dev/null
s route6_default; ip -6 route show default 2>/dev/null
s sysnet
for d in /sys/class/net/*; do
  [ -e "$d" ] || continue
  n=${d##*/}
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$(cat "$d/address" 2>/dev/null)" "$(cat "$d/mtu" 2>/dev/null)" \
    "$(cat "$d/operstate" 2>/dev/null)" "$(cat "$d/type" 2>/dev/null)" "$(cat "$d/flags" 2>/dev/null)" \
    "$(cat "$d/speed" 2>/dev/null)" "$(basename "$(readlink "$d/device" 2>/dev/null)" 2>/dev/null)"
done
s user; id -u; id -g; id -un; id -ru; id -rg; getent passwd "$(id -un)" 2>/dev/null || grep "^$(id -un):" /etc/passwd
s date; date '+%Y|%m|%d|%H|%M|%S|%Z|%z|%s|%A|%u|%W|%w|%N'
s date_utc; date -u '+%Y|%m|%d|%H|%M|%S|%N'
s selinux; if [ -e /sys/fs/selinux/enforce ]; then cat /sys/fs/selinux/enforce; fi
s apparmor; [ -d /sys/kernel/security/apparmor ] && echo enabled
s init; cat /proc/1/comm 2>/dev/null; readlink /proc/1/exe 2>/dev/null; [ -d /run/systemd/system ] && echo systemd-booted
s pkg_mgrs; for t in apt-get dnf yum zypper apk pacman emerge pkg; do command -v $t >/dev/null 2>&1 && echo $t; done
s container; cat /run/systemd/container 2>/dev/null; echo; [ -f /.dockerenv ] && echo dockerenv; [ -f /run/.containerenv ] && echo podman; tr '\0' '\n' < /proc/1/environ 2>/dev/null | grep '^container='
s cgroup1; cat /proc/1/cgroup 2>/dev/null
s modules; cut -d' ' -f1 /proc/modules 2>/dev/null
s devkvm; [ -e /dev/kvm ] && echo yes
s xen; [ -e /proc/xen ] && { echo present; cat /proc/xen/capabilities 2>/dev/null; }
s virt_detect; command -v systemd-detect-virt >/dev/null 2>&1 && { systemd-detect-virt --container 2>/dev/null; echo "vm=$(systemd-detect-virt --vm 2>/dev/null)"; }
s dmi; for f in bios_date bios_vendor bios_version board_asset_tag board_name board_serial board_vendor board_version chassis_asset_tag chassis_serial chassis_vendor chassis_version product_name product_serial product_uuid product_version product_family sys_vendor chassis_type; do printf '%s=%s\n' "$f" "$(cat /sys/devices/virtual/dmi/id/$f 2>/dev/null)"; done
s machine_id; cat /var/lib/dbus/machine-id 2>/dev/null || cat /etc/machine-id 2>/dev/null
s uptime; cat /proc/uptime 2>/dev/null
s loadavg; cat /proc/loadavg 2>/dev/null
s resolv; cat /etc/resolv.conf 2>/dev/null
s cmdline; cat /proc/cmdline 2>/dev/null
s fips; cat /proc/sys/crypto/fips_enabled 2>/dev/null
s hostkeys; for f in /etc/ssh/ssh_host_*_key.pub; do [ -r "$f" ] && cat "$f"; done
s chroot; if [ -r /proc/1/root/. ]; then [ "$(stat -c %d:%i / 2>/dev/null)" = "$(stat -c %d:%i /proc/1/root/. 2>/dev/null)" ] && echo no || echo yes; fi
s userspace; getconf LONG_BIT 2>/dev/null
s capsh; command -v capsh >/dev/null 2>&1 && capsh --print 2>/dev/null
s hostnqn; cat /etc/nvme/hostnqn 2>/dev/null
s iscsi; grep '^InitiatorName=' /etc/iscsi/initiatorname.iscsi 2>/dev/null
s facts_d; for f in /etc/ansible/facts.d/*.fact; do [ -f "$f" ] && { printf '%s\n' "${f##*/}"; [ -x "$f" ] && "$f" 2>/dev/null || cat "$f"; printf '\n@@@facts_d\n'; }; done
s end
