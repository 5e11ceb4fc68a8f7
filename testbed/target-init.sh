#!/bin/sh
# target-init.sh — PID 1 of one systemd target, before it becomes systemd. Not for direct use:
# testbed.sh starts it as
#   unshare --pid --mount --uts --cgroup --ipc --fork --propagation private target-init.sh
# with TB_ROOTFS (cached rootfs, read-only lower dir), TB_DIR (this target's state dir),
# TB_NAME (hostname), TB_PORT (sshd port on 127.0.0.1), TB_KEY (public key to authorize),
# TB_APT (the apt sources line), TB_CONSOLE (file that becomes /dev/console), TB_NO_OVERLAY
# (non-empty: copy instead of overlay) in the environment.
# It mounts the target's root (overlayfs on TB_ROOTFS, or a full copy if overlay is refused),
# /proc, a read-only /sys with the target's own cgroup2 tree, a minimal /dev, tmpfs /run,
# writes the per-boot config, then chroots and execs /lib/systemd/systemd.
# All its mounts live in the target's mount namespace and vanish when systemd exits.
set -eu
say() { echo "[target-init $TB_NAME] $*"; }
R=$TB_DIR/root
# our pid as the host sees it (this /proc is still the host's): testbed.sh signals it to stop us
read -r hostpid _ </proc/self/stat
echo "$hostpid" >"$TB_DIR/init.pid.tmp" && mv "$TB_DIR/init.pid.tmp" "$TB_DIR/init.pid"

if [ -z "${TB_NO_OVERLAY:-}" ] && mount -t overlay overlay -o "lowerdir=$TB_ROOTFS,upperdir=$TB_DIR/upper,workdir=$TB_DIR/work" "$R" 2>/dev/null; then
    say "root: overlay on $TB_ROOTFS"
else
    say "no overlay (refused, or TESTBED_NO_OVERLAY set): using a full copy of the rootfs"
    if [ ! -d "$TB_DIR/copy" ]; then cp -a "$TB_ROOTFS" "$TB_DIR/copy.tmp" && mv "$TB_DIR/copy.tmp" "$TB_DIR/copy"; fi
    mount --bind "$TB_DIR/copy" "$R"
fi

mount -t proc -o nosuid,nodev,noexec proc "$R/proc"
mount --bind /sys "$R/sys"
mount -o remount,bind,ro,nosuid,nodev,noexec "$R/sys"
# we are in our own cgroup namespace rooted at this target's cgroup: systemd gets a
# private, writable unified hierarchy
mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$R/sys/fs/cgroup"

# a minimal /dev: the host's harmless device nodes, a private devpts, no disks, no ttys
mount -t tmpfs -o mode=755,nosuid,size=4m tmpfs "$R/dev"
for n in null zero full random urandom tty; do
    : >"$R/dev/$n"; mount --bind "/dev/$n" "$R/dev/$n"
done
mkdir -p "$R/dev/pts" "$R/dev/shm" "$R/dev/mqueue"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620,gid=5,nosuid,noexec devpts "$R/dev/pts"
ln -s pts/ptmx "$R/dev/ptmx"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$R/dev/shm"
mount -t mqueue -o nosuid,nodev,noexec mqueue "$R/dev/mqueue" 2>/dev/null || true
ln -s /proc/self/fd "$R/dev/fd"
ln -s /proc/self/fd/0 "$R/dev/stdin"; ln -s /proc/self/fd/1 "$R/dev/stdout"; ln -s /proc/self/fd/2 "$R/dev/stderr"
: >"$TB_CONSOLE"; : >"$R/dev/console"; mount --bind "$TB_CONSOLE" "$R/dev/console"

mount -t tmpfs -o mode=755,nosuid,nodev,size=64m tmpfs "$R/run"

# per-boot configuration
hostname "$TB_NAME"
echo "$TB_NAME" >"$R/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n::1\tlocalhost ip6-localhost ip6-loopback\n' "$TB_NAME" >"$R/etc/hosts"
[ -s "$R/etc/machine-id" ] || od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$R/etc/machine-id"
printf '# written at boot by the jplay test bed\nPort %s\nListenAddress 127.0.0.1\n' "$TB_PORT" \
    >"$R/etc/ssh/sshd_config.d/20-jplay-port.conf"
ls "$R"/etc/ssh/ssh_host_*_key >/dev/null 2>&1 || chroot "$R" ssh-keygen -A >/dev/null
mkdir -p "$TB_DIR/hostkeys"; cp "$R"/etc/ssh/ssh_host_*_key.pub "$TB_DIR/hostkeys/"
user=$(cat "$R/etc/jplay-testbed-user")
for home in /root "/home/$user"; do
    mkdir -p "$R$home/.ssh"; cp "$TB_KEY" "$R$home/.ssh/authorized_keys"
    chmod 700 "$R$home/.ssh"; chmod 600 "$R$home/.ssh/authorized_keys"
done
chroot "$R" chown -R "$user:$user" "/home/$user/.ssh"
echo "$TB_APT" >"$R/etc/apt/sources.list"

say "exec systemd"
export container=jplay-testbed
exec chroot "$R" /lib/systemd/systemd --log-target=console --show-status=no </dev/null >"$R/dev/console" 2>&1
