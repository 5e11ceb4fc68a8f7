#!/usr/bin/env bash
# testbed.sh — real SSH targets for jplay's tests: systemd Debian targets, plain sshd hosts,
# an nginx file mirror and an offline apt repository, all on loopback.
#
# Usage: testbed/testbed.sh COMMAND [ARGS]   (as root)
#   up [TARGETS [SSHD_HOSTS]]  deps + key + rootfs + mirror + targets + sshd hosts + inventory;
#                              waits until every target's systemd is running/degraded and
#                              every sshd answers. Idempotent: what already runs is kept.
#   down                       stop targets, sshd hosts and nginx; unmount; remove per-run state
#                              (keeps the cached rootfs, the key and the apt repo)
#   status                     show what runs; exit 0 all up, 1 partly up, 3 nothing up
#   deps                       install missing host packages with apt-get
#   rootfs                     build the cached Debian rootfs (debootstrap) if not there yet
#   mirror-up | mirror-down    nginx file mirror + offline apt repo only
#   targets-up [N] | targets-down   systemd targets only
#   sshd-up [N] | sshd-down    plain sshd hosts only
#   inventory                  (re)write the INI inventory and env file
#   ssh NAME [CMD...]          ssh into target1.. / sshd1.. as the test user (root: TESTBED_SSH_USER=root)
#   exec NAME CMD...           run CMD as root inside a systemd target, without ssh (nsenter)
#   purge                      down, then delete the whole state dir including the rootfs cache
#
# Environment (defaults in brackets):
#   TESTBED_DIR [/var/tmp/jplay-testbed]   state: logs/, ssh/, targets/, sshd/, www/, inventory.ini
#   TESTBED_CACHE [$TESTBED_DIR/cache]     rootfs cache (survives `down`)
#   TESTBED_TARGETS [2]  TESTBED_SSHD_HOSTS [3]
#   TESTBED_TARGET_PORT [2201]  TESTBED_SSHD_PORT [2301]  TESTBED_HTTP_PORT [8801]  (first ports)
#   TESTBED_USER [jplay]  TESTBED_PASSWORD [jplay-pass]
#   TESTBED_SUITE [host's VERSION_CODENAME]  TESTBED_MIRROR [first matching URI in host apt sources]
#   TESTBED_BOOT_TIMEOUT [90] seconds to wait for a target to boot
#   TESTBED_NO_OVERLAY [unset]  1: give each target a full copy of the rootfs instead of an overlay
#
# Exit codes: 0 ok, 1 failure (message on stderr), 2 usage error, 3 (status) nothing running.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
TESTBED_DIR=${TESTBED_DIR:-/var/tmp/jplay-testbed}
TESTBED_CACHE=${TESTBED_CACHE:-$TESTBED_DIR/cache}
TESTBED_TARGETS=${TESTBED_TARGETS:-2}
TESTBED_SSHD_HOSTS=${TESTBED_SSHD_HOSTS:-3}
TESTBED_TARGET_PORT=${TESTBED_TARGET_PORT:-2201}
TESTBED_SSHD_PORT=${TESTBED_SSHD_PORT:-2301}
TESTBED_HTTP_PORT=${TESTBED_HTTP_PORT:-8801}
TESTBED_USER=${TESTBED_USER:-jplay}
TESTBED_PASSWORD=${TESTBED_PASSWORD:-jplay-pass}
TESTBED_BOOT_TIMEOUT=${TESTBED_BOOT_TIMEOUT:-90}
# bump when the rootfs recipe below changes: a cached rootfs with another version is rebuilt
ROOTFS_RECIPE=3
ROOTFS_PACKAGES=openssh-server,systemd,dbus,iproute2,curl,sudo,procps,libpam-systemd

LOGS=$TESTBED_DIR/logs
KEY=$TESTBED_DIR/ssh/id_ed25519
# one cgroup per state dir, so two checkouts' test beds never touch each other's processes
CGROUP_NAME=jplay-testbed-$(printf '%s' "$TESTBED_DIR" | cksum | cut -d' ' -f1)

log() { printf '[testbed] %s\n' "$*" >&2; }
die() { printf '[testbed] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (it mounts, chroots and starts sshd)"; }

host_codename() { . /etc/os-release && echo "${VERSION_CODENAME:-bookworm}"; }
TESTBED_SUITE=${TESTBED_SUITE:-$(host_codename)}

# The Debian mirror the machine is configured with: first URI of a "deb" entry whose suites
# include $TESTBED_SUITE, from /etc/apt/sources.list, *.list and deb822 *.sources.
host_mirror() {
    if [ -n "${TESTBED_MIRROR:-}" ]; then echo "$TESTBED_MIRROR"; return; fi
    local f m
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        m=$(awk -v s="$TESTBED_SUITE" '$1=="deb" { i=2; if ($2 ~ /^\[/) { while (i<=NF && $i !~ /\]$/) i++; i++ }
              if ($(i+1)==s) { print $i; exit } }' "$f")
        [ -n "$m" ] && { echo "$m"; return; }
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        m=$(awk -v s="$TESTBED_SUITE" '
            function flush() { if (deb && uri != "" && (" " suites " ") ~ (" " s " ")) { print uri; found=1; exit }
                               deb=0; uri=""; suites="" }
            /^[ \t]*$/ { flush(); next }
            /^Types:/ { deb = ($0 ~ /[ \t]deb([ \t]|$)/) }
            /^URIs:/ { uri=$2 }
            /^Suites:/ { $1=""; suites=$0 }
            /^Enabled:[ \t]*no/ { deb=0 }
            END { if (!found) flush() }' "$f")
        [ -n "$m" ] && { echo "$m"; return; }
    done
    die "no Debian mirror for suite $TESTBED_SUITE in /etc/apt/sources.list(.d); set TESTBED_MIRROR"
}

# ---------------------------------------------------------------- host packages
deps() {
    need_root
    local missing=""
    command -v debootstrap >/dev/null || missing="$missing debootstrap"
    [ -x /usr/sbin/sshd ] || missing="$missing openssh-server"
    command -v ssh >/dev/null || missing="$missing openssh-client"
    command -v nginx >/dev/null || missing="$missing nginx-light"
    command -v dpkg-scanpackages >/dev/null || missing="$missing dpkg-dev"
    command -v sshpass >/dev/null || missing="$missing sshpass"
    command -v nsenter >/dev/null || missing="$missing util-linux"
    command -v curl >/dev/null || missing="$missing curl"
    # the synchronize and unarchive tests: rsync on both ends (the plain sshd hosts are this machine), zip/unzip
    command -v rsync >/dev/null || missing="$missing rsync"
    command -v zip >/dev/null || missing="$missing zip"
    command -v unzip >/dev/null || missing="$missing unzip"
    [ -z "$missing" ] && return 0
    log "installing host packages:$missing"
    # keep apt from starting the packages' own nginx/sshd on a host that runs an init
    local prc=/usr/sbin/policy-rc.d created=""
    if [ ! -e $prc ]; then printf '#!/bin/sh\nexit 101\n' >$prc; chmod 755 $prc; created=1; fi
    mkdir -p "$LOGS"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing; } \
        >>"$LOGS/deps.log" 2>&1 || { [ -n "$created" ] && rm -f $prc; die "apt-get install failed, see $LOGS/deps.log"; }
    [ -n "$created" ] && rm -f $prc
    return 0
}

# ---------------------------------------------------------------- ssh key + test user
ensure_key() {
    mkdir -p "$TESTBED_DIR/ssh"; chmod 755 "$TESTBED_DIR" "$TESTBED_DIR/ssh"
    if [ ! -f "$KEY" ]; then
        ssh-keygen -q -t ed25519 -N '' -C jplay-testbed -f "$KEY"
    fi
    chmod 600 "$KEY"; chmod 644 "$KEY.pub"
    cp "$KEY.pub" "$TESTBED_DIR/ssh/authorized_keys"; chmod 644 "$TESTBED_DIR/ssh/authorized_keys"
}

# the plain-sshd hosts log in as a real user of this machine
ensure_host_user() {
    if ! id "$TESTBED_USER" >/dev/null 2>&1; then
        log "creating host user $TESTBED_USER (shell /bin/sh) for the plain sshd hosts"
        useradd -m -s /bin/sh "$TESTBED_USER"
    fi
    echo "$TESTBED_USER:$TESTBED_PASSWORD" | chpasswd
    [ "$(getent passwd "$TESTBED_USER" | cut -d: -f7)" = /bin/sh ] || usermod -s /bin/sh "$TESTBED_USER"
}

# ---------------------------------------------------------------- rootfs
ROOTFS=$TESTBED_CACHE/rootfs-$TESTBED_SUITE
rootfs_ok() { [ -f "$ROOTFS/.jplay-rootfs" ] && [ "$(cat "$ROOTFS/.jplay-rootfs")" = "$ROOTFS_RECIPE" ]; }

rootfs() {
    need_root
    rootfs_ok && return 0
    local t0 tmp mirror; t0=$(now)
    mirror=$(host_mirror)
    tmp=$ROOTFS.tmp
    mkdir -p "$TESTBED_CACHE" "$LOGS"
    umount_under "$tmp"
    rm -rf "$tmp" "$ROOTFS"
    log "building rootfs $TESTBED_SUITE from $mirror with debootstrap (a few minutes; log: $LOGS/debootstrap.log)"
    debootstrap --variant=minbase --include="$ROOTFS_PACKAGES" "$TESTBED_SUITE" "$tmp" "$mirror" \
        >"$LOGS/debootstrap.log" 2>&1 || { umount_under "$tmp"; die "debootstrap failed, see $LOGS/debootstrap.log"; }
    customize_rootfs "$tmp"
    echo "$ROOTFS_RECIPE" >"$tmp/.jplay-rootfs"
    mv "$tmp" "$ROOTFS"
    log "rootfs ready in $(( $(now) - t0 ))s: $ROOTFS"
}

customize_rootfs() {
    local r=$1 u
    # units that would touch the host or cannot work without one: the targets share its kernel,
    # network, clock and devices
    for u in \
        systemd-udevd.service systemd-udevd-control.socket systemd-udevd-kernel.socket \
        systemd-udev-trigger.service systemd-udev-settle.service systemd-hwdb-update.service \
        networking.service systemd-networkd.service systemd-networkd.socket systemd-networkd-wait-online.service \
        systemd-resolved.service systemd-timesyncd.service systemd-time-wait-sync.service \
        getty@.service serial-getty@.service console-getty.service getty.target getty-static.service \
        systemd-sysctl.service systemd-modules-load.service kmod-static-nodes.service systemd-binfmt.service \
        proc-sys-fs-binfmt_misc.automount proc-sys-fs-binfmt_misc.mount \
        sys-kernel-config.mount sys-kernel-debug.mount sys-kernel-tracing.mount sys-fs-fuse-connections.mount \
        dev-hugepages.mount dev-mqueue.mount tmp.mount \
        systemd-remount-fs.service systemd-random-seed.service systemd-firstboot.service \
        systemd-machine-id-commit.service systemd-journald-audit.socket systemd-pcrphase.service \
        systemd-pcrphase-sysinit.service systemd-pcrphase-initrd.service systemd-hwdb-update.service \
        systemd-rfkill.service systemd-rfkill.socket systemd-backlight@.service \
        apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer fstrim.timer \
        cryptsetup.target swap.target; do
        ln -sf /dev/null "$r/etc/systemd/system/$u"
    done
    ln -sf /lib/systemd/system/multi-user.target "$r/etc/systemd/system/default.target"
    # sshd: the port is set per target at boot; ssh.socket stays off
    mkdir -p "$r/etc/systemd/system/multi-user.target.wants"
    ln -sf /lib/systemd/system/ssh.service "$r/etc/systemd/system/multi-user.target.wants/ssh.service"
    rm -f "$r/etc/ssh/ssh_host_"*   # each target gets its own host keys at boot
    cat >"$r/etc/ssh/sshd_config.d/10-jplay.conf" <<'EOF'
# jplay test bed (Port/ListenAddress are in 20-jplay-port.conf, written at boot)
PermitRootLogin prohibit-password
PasswordAuthentication yes
KbdInteractiveAuthentication no
UseDNS no
AcceptEnv LANG LC_*
EOF
    # a test unit for the systemd/service modules (not enabled)
    cat >"$r/etc/systemd/system/jplay-test.service" <<'EOF'
[Unit]
Description=jplay test bed sample service

[Service]
ExecStart=/bin/sleep infinity

[Install]
WantedBy=multi-user.target
EOF
    # journald: keep it in memory, small
    mkdir -p "$r/etc/systemd/journald.conf.d"
    printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=16M\n' >"$r/etc/systemd/journald.conf.d/jplay.conf"
    # test user: /bin/sh, passwordless sudo, a password for password-auth tests
    chroot "$r" /usr/sbin/useradd -m -s /bin/sh "$TESTBED_USER"
    echo "$TESTBED_USER:$TESTBED_PASSWORD" | chroot "$r" /usr/sbin/chpasswd
    echo "$TESTBED_USER ALL=(ALL:ALL) NOPASSWD: ALL" >"$r/etc/sudoers.d/jplay"
    chmod 440 "$r/etc/sudoers.d/jplay"
    echo "$TESTBED_USER" >"$r/etc/jplay-testbed-user"
    # no outside network for apt inside targets: sources are written at boot (loopback repo)
    rm -f "$r/etc/apt/sources.list" "$r/etc/apt/sources.list.d/"*
    printf 'APT::Install-Recommends "false";\nAcquire::Languages "none";\n' >"$r/etc/apt/apt.conf.d/90jplay"
    chroot "$r" apt-get clean
    rm -rf "$r/var/lib/apt/lists/"* "$r/var/log/"*.log "$r/var/cache/debconf/"*-old
    : >"$r/etc/machine-id"
}

# ---------------------------------------------------------------- mounts helpers
umount_under() {  # unmount everything at or below $1, deepest first
    local d=$1 m
    [ -n "$d" ] || return 0
    awk '{print $5}' /proc/self/mountinfo | grep -E "^$d(/|$)" | sort -r | while read -r m; do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
read_pid() { [ -f "$1" ] && cat "$1" 2>/dev/null || true; }

# ---------------------------------------------------------------- nginx mirror + apt repo
WWW=$TESTBED_DIR/www
NGX=$TESTBED_DIR/nginx
apt_line() { echo "deb [trusted=yes] http://127.0.0.1:$TESTBED_HTTP_PORT/apt ./"; }

build_deb() {  # name version depends description
    local name=$1 ver=$2 dep=$3 desc=$4 d
    [ -f "$WWW/apt/${name}_${ver}_all.deb" ] && return 0
    d=$(mktemp -d)
    mkdir -p "$d/DEBIAN" "$d/usr/bin" "$d/usr/share/doc/$name"
    {
        echo "Package: $name"; echo "Version: $ver"; echo "Architecture: all"
        echo "Maintainer: jplay test bed <jplay@localhost>"; echo "Section: misc"; echo "Priority: optional"
        [ -n "$dep" ] && echo "Depends: $dep"
        echo "Description: $desc"; echo " Built locally by testbed.sh for offline package tests."
    } >"$d/DEBIAN/control"
    printf '#!/bin/sh\necho "hello from %s %s"\n' "$name" "$ver" >"$d/usr/bin/$name"
    chmod 755 "$d/usr/bin/$name"
    echo "$name $ver, jplay test bed" >"$d/usr/share/doc/$name/README"
    dpkg-deb --root-owner-group -Zgzip -b "$d" "$WWW/apt/${name}_${ver}_all.deb" >/dev/null
    rm -rf "$d"
}

build_repo() {
    mkdir -p "$WWW/apt" "$WWW/files"
    build_deb jplay-hello 1.0 "" "jplay test package (old version)"
    build_deb jplay-hello 1.1 "" "jplay test package"
    build_deb jplay-extra 1.0 "jplay-hello (>= 1.0)" "jplay test package with a dependency"
    (
        cd "$WWW/apt"
        dpkg-scanpackages -m . /dev/null 2>/dev/null >Packages
        gzip -9nc Packages >Packages.gz
        {
            echo "Origin: jplay-testbed"; echo "Label: jplay-testbed"; echo "Suite: testbed"; echo "Codename: testbed"
            echo "Date: $(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S UTC')"; echo "Architectures: all amd64 arm64"
            echo "SHA256:"
            for f in Packages Packages.gz; do
                printf ' %s %s %s\n' "$(sha256sum $f | cut -d' ' -f1)" "$(stat -c %s $f)" "$f"
            done
        } >Release
    )
    apt_line >"$TESTBED_DIR/apt-sources.list"
    [ -f "$WWW/files/hello.txt" ] || echo "hello from the jplay test bed" >"$WWW/files/hello.txt"
    [ -f "$WWW/files/random-1M.bin" ] || head -c 1048576 /dev/urandom >"$WWW/files/random-1M.bin"
    (cd "$WWW/files" && sha256sum hello.txt random-1M.bin >SHA256SUMS)
}

mirror_up() {
    need_root; deps
    mkdir -p "$LOGS" "$NGX/tmp"
    build_repo
    local running=; pid_alive "$(read_pid "$NGX/nginx.pid")" && running=1
    [ -n "$running" ] || need_free_port "$TESTBED_HTTP_PORT" nginx
    printf 'jplay:{PLAIN}jplay-secret\n' >"$NGX/htpasswd"
    [ -f "$NGX/nginx.conf" ] && cp "$NGX/nginx.conf" "$NGX/nginx.conf.old"
    cat >"$NGX/nginx.conf" <<EOF
# generated by testbed.sh
worker_processes 1;
pid $NGX/nginx.pid;
error_log $LOGS/nginx-error.log;
daemon on;
events { worker_connections 256; }
http {
    types { text/plain txt; application/json json; application/octet-stream deb bin gz; }
    default_type application/octet-stream;
    access_log $LOGS/nginx-access.log;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    sendfile on;
    server {
        listen 127.0.0.1:$TESTBED_HTTP_PORT;
        server_name localhost;
        root $WWW;
        autoindex on;
        # for the uri and get_url tests: a JSON answer to any method, a redirect, a named download, basic auth
        location = /api/echo { default_type application/json; return 201 '{"created": true, "method": "\$request_method"}\\n'; }
        location = /redirect { return 302 /files/hello.txt; }
        location = /download { add_header Content-Disposition 'attachment; filename="named.txt"'; alias $WWW/files/hello.txt; }
        location /private/ { auth_basic "jplay"; auth_basic_user_file $NGX/htpasswd; alias $WWW/files/; }
    }
}
EOF
    nginx -e "$LOGS/nginx-error.log" -p "$NGX" -c "$NGX/nginx.conf" -t >>"$LOGS/nginx-error.log" 2>&1 \
        || die "nginx config test failed, see $LOGS/nginx-error.log"
    if [ -n "$running" ]; then
        # a running mirror keeps serving; a newer recipe's locations are loaded without a restart
        if ! cmp -s "$NGX/nginx.conf" "$NGX/nginx.conf.old"; then
            nginx -e "$LOGS/nginx-error.log" -p "$NGX" -c "$NGX/nginx.conf" -s reload || die "nginx reload failed, see $LOGS/nginx-error.log"
            sleep 1
            log "nginx reloaded its configuration on 127.0.0.1:$TESTBED_HTTP_PORT"
        else
            log "nginx already up on 127.0.0.1:$TESTBED_HTTP_PORT"
        fi
        return 0
    fi
    nginx -e "$LOGS/nginx-error.log" -p "$NGX" -c "$NGX/nginx.conf" 9>&- || die "nginx failed to start, see $LOGS/nginx-error.log"
    wait_port "$TESTBED_HTTP_PORT" 10 || die "nginx does not listen on 127.0.0.1:$TESTBED_HTTP_PORT"
    log "nginx up: http://127.0.0.1:$TESTBED_HTTP_PORT/ (files/, apt/)"
}

mirror_down() {
    local pid; pid=$(read_pid "$NGX/nginx.pid")
    if pid_alive "$pid"; then
        kill -QUIT "$pid" 2>/dev/null || true
        wait_gone "$pid" 10 || kill -KILL "$pid" 2>/dev/null || true
        log "nginx stopped"
    fi
    rm -f "$NGX/nginx.pid"
}

wait_port() {  # port seconds
    local i=0
    while [ $i -lt $(( $2 * 5 )) ]; do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.2; i=$((i + 1))
    done
    return 1
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
need_free_port() {  # port what
    ! port_open "$1" || die "127.0.0.1:$1 is already in use (wanted for $2); pick other ports with TESTBED_*_PORT"
}
wait_gone() {  # pid seconds
    local i=0
    while [ $i -lt $(( $2 * 5 )) ]; do
        pid_alive "$1" || return 0
        sleep 0.2; i=$((i + 1))
    done
    return 1
}

# ---------------------------------------------------------------- plain sshd hosts
sshd_up() {
    need_root; deps; ensure_key; ensure_host_user
    local n=${1:-$TESTBED_SSHD_HOSTS} i port d
    mkdir -p /run/sshd "$LOGS"; chmod 755 /run/sshd
    for i in $(seq 1 "$n"); do
        port=$((TESTBED_SSHD_PORT + i - 1)); d=$TESTBED_DIR/sshd/sshd$i
        if pid_alive "$(read_pid "$d/sshd.pid")"; then continue; fi
        need_free_port "$port" "sshd$i"
        mkdir -p "$d"
        [ -f "$d/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C "sshd$i" -f "$d/ssh_host_ed25519_key"
        [ -f "$d/ssh_host_ecdsa_key" ] || ssh-keygen -q -t ecdsa -N '' -C "sshd$i" -f "$d/ssh_host_ecdsa_key"
        cat >"$d/sshd_config" <<EOF
# generated by testbed.sh: plain sshd host sshd$i
Port $port
ListenAddress 127.0.0.1
HostKey $d/ssh_host_ed25519_key
HostKey $d/ssh_host_ecdsa_key
PidFile $d/sshd.pid
AuthorizedKeysFile $TESTBED_DIR/ssh/authorized_keys .ssh/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no
UseDNS no
X11Forwarding no
AllowUsers $TESTBED_USER root
Subsystem sftp internal-sftp
LogLevel VERBOSE
EOF
        /usr/sbin/sshd -t -f "$d/sshd_config" 2>>"$LOGS/sshd$i.log" || die "bad sshd config for sshd$i, see $LOGS/sshd$i.log"
        # -D keeps it in the foreground: we own the process; setsid detaches it from our session
        setsid /usr/sbin/sshd -D -f "$d/sshd_config" -E "$LOGS/sshd$i.log" </dev/null >/dev/null 2>&1 9>&- &
        echo $! >"$d/sshd.pid"
    done
    for i in $(seq 1 "$n"); do
        port=$((TESTBED_SSHD_PORT + i - 1))
        wait_port "$port" 10 || die "sshd$i does not listen on 127.0.0.1:$port, see $LOGS/sshd$i.log"
    done
    log "$n plain sshd host(s) up on 127.0.0.1:$TESTBED_SSHD_PORT.."
}

sshd_down() {
    local d pid n=0
    for d in "$TESTBED_DIR"/sshd/sshd*; do
        [ -d "$d" ] || continue
        pid=$(read_pid "$d/sshd.pid")
        if pid_alive "$pid"; then
            kill -TERM "$pid" 2>/dev/null || true
            wait_gone "$pid" 5 || kill -KILL "$pid" 2>/dev/null || true
            n=$((n + 1))
        fi
        rm -f "$d/sshd.pid"
    done
    [ $n -gt 0 ] && log "stopped $n plain sshd host(s)"
    rm -rf "$TESTBED_DIR/sshd"
}

# ---------------------------------------------------------------- systemd targets
cgroup2_root() { awk '$3=="cgroup2" {print $2; exit}' /proc/mounts; }

targets_up() {
    need_root; deps; ensure_key; rootfs
    mirror_up
    local n=${1:-$TESTBED_TARGETS} i started=""
    for i in $(seq 1 "$n"); do
        if target_running "$i"; then continue; fi
        start_target "$i"; started="$started $i"
    done
    for i in $(seq 1 "$n"); do wait_target "$i"; done
    write_known_hosts
    log "$n systemd target(s) up on 127.0.0.1:$TESTBED_TARGET_PORT.."
}

target_dir() { echo "$TESTBED_DIR/targets/target$1"; }
target_pid() { read_pid "$(target_dir "$1")/init.pid"; }   # host pid of the target's systemd
target_running() { pid_alive "$(target_pid "$1")"; }

start_target() {
    local i=$1 d port cgr cg
    d=$(target_dir "$i"); port=$((TESTBED_TARGET_PORT + i - 1))
    need_free_port "$port" "target$i"
    umount_under "$d"; rm -rf "$d"; mkdir -p "$d/upper" "$d/work" "$d/root"
    cgr=$(cgroup2_root); [ -n "$cgr" ] || die "no cgroup2 mount on this host (systemd inside needs one)"
    cg=$cgr/$CGROUP_NAME/target$i
    mkdir -p "$cg"
    log "booting target$i (ssh 127.0.0.1:$port, log $LOGS/target$i.log)"
    : >"$LOGS/target$i.log"
    # the child joins its own cgroup, then unshares: inside, systemd sees that cgroup as the root
    setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        TB_ROOTFS="$ROOTFS" TB_DIR="$d" TB_NAME="target$i" TB_PORT="$port" TB_CGROUP="$cg" \
        TB_KEY="$KEY.pub" TB_APT="$(apt_line)" TB_CONSOLE="$LOGS/target$i.console" TB_NO_OVERLAY="${TESTBED_NO_OVERLAY:-}" \
        sh -c 'echo $$ >"$TB_CGROUP/cgroup.procs" && exec unshare --pid --mount --uts --cgroup --ipc --fork --propagation private "$0"' \
        "$HERE/target-init.sh" </dev/null >>"$LOGS/target$i.log" 2>&1 9>&- &
    echo $! >"$d/unshare.pid"
    # target-init.sh writes its host pid (that of the future systemd) to init.pid
    local k=0
    while [ $k -lt 100 ]; do
        [ -s "$d/init.pid" ] && break
        pid_alive "$(read_pid "$d/unshare.pid")" || break
        sleep 0.1; k=$((k + 1))
    done
    [ -s "$d/init.pid" ] || { tail -n 30 "$LOGS/target$i.log" >&2; die "target$i: init did not start, see $LOGS/target$i.log"; }
}

target_exec() {  # i cmd... : run in the target's namespaces and root
    local pid; pid=$(target_pid "$1"); shift
    pid_alive "$pid" || return 1
    nsenter -t "$pid" -m -u -i -p -C -r -w env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb "$@"
}

wait_target() {
    local i=$1 t0 state="" port; t0=$(now); port=$((TESTBED_TARGET_PORT + i - 1))
    while :; do
        target_running "$i" || { tail -n 30 "$LOGS/target$i.log" >&2; die "target$i died while booting, see $LOGS/target$i.log"; }
        state=$(target_exec "$i" systemctl is-system-running 2>/dev/null || true)
        case $state in
            running|degraded) break ;;
        esac
        if [ $(( $(now) - t0 )) -ge "$TESTBED_BOOT_TIMEOUT" ]; then
            target_exec "$i" systemctl --failed --no-pager >&2 || true
            target_exec "$i" journalctl -b --no-pager >>"$LOGS/target$i.log" 2>&1 || true
            die "target$i not booted after ${TESTBED_BOOT_TIMEOUT}s (state: ${state:-unknown}), see $LOGS/target$i.log"
        fi
        sleep 0.5
    done
    wait_port "$port" 20 || die "target$i: sshd does not listen on 127.0.0.1:$port"
    [ "$state" = degraded ] && log "target$i is degraded: $(target_exec "$i" systemctl --failed --no-legend --plain --no-pager | awk '{print $1}' | tr '\n' ' ')"
    log "target$i booted ($state) in $(( $(now) - t0 ))s"
}

write_known_hosts() {
    local kh=$TESTBED_DIR/ssh/known_hosts i d port f
    : >"$kh.tmp"
    for d in "$TESTBED_DIR"/targets/target*; do
        [ -d "$d" ] || continue
        i=${d##*target}; port=$((TESTBED_TARGET_PORT + i - 1))
        for f in "$d"/hostkeys/ssh_host_*_key.pub; do
            [ -f "$f" ] && awk -v h="[127.0.0.1]:$port" '{print h, $1, $2}' "$f" >>"$kh.tmp"
        done
    done
    for d in "$TESTBED_DIR"/sshd/sshd*; do
        [ -d "$d" ] || continue
        i=${d##*sshd}; port=$((TESTBED_SSHD_PORT + i - 1))
        for f in "$d"/ssh_host_*_key.pub; do
            [ -f "$f" ] && awk -v h="[127.0.0.1]:$port" '{print h, $1, $2}' "$f" >>"$kh.tmp"
        done
    done
    mv "$kh.tmp" "$kh"
}

poweroff_target() {  # ask systemd to power off; returns at once
    local pid; pid=$(read_pid "$1/init.pid")
    # SIGRTMIN+4: systemd's "poweroff" — in a container it stops all units, then exits
    pid_alive "$pid" && kill -s RTMIN+4 "$pid" 2>/dev/null || true
}

stop_target() {  # wait for the poweroff, kill if it hangs, clean up
    local d=$1 pid upid
    pid=$(read_pid "$d/init.pid"); upid=$(read_pid "$d/unshare.pid")
    if pid_alive "$pid"; then
        poweroff_target "$d"
        if ! wait_gone "$pid" 30; then
            log "$(basename "$d"): no clean poweroff in 30s, killing"
            kill -KILL "$pid" 2>/dev/null || true   # PID 1 of the namespace: takes all with it
            wait_gone "$pid" 10 || true
        fi
    fi
    pid_alive "$upid" && { wait_gone "$upid" 2 || kill -KILL "$upid" 2>/dev/null || true; }
    # mounts live in the target's own mount namespace and vanish with it; just in case:
    umount_under "$d"
    rm -f "$d/init.pid" "$d/unshare.pid"
}

remove_cgroups() {  # kill whatever is left in the test bed's cgroups, then remove them depth first
    local cgr left; cgr=$(cgroup2_root)
    [ -n "$cgr" ] && [ -d "$cgr/$CGROUP_NAME" ] || return 0
    left=$(find "$cgr/$CGROUP_NAME" -name cgroup.procs -exec cat {} + 2>/dev/null | wc -l)
    if [ "$left" -gt 0 ]; then
        log "killing $left leftover process(es) in the test bed's cgroups"
        # shellcheck disable=SC2038 # cgroup.procs holds only pids
        if [ -f "$cgr/$CGROUP_NAME/cgroup.kill" ]; then echo 1 >"$cgr/$CGROUP_NAME/cgroup.kill" || true
        else find "$cgr/$CGROUP_NAME" -name cgroup.procs -exec cat {} + | xargs -r kill -KILL 2>/dev/null || true; fi
        sleep 1
    fi
    find "$cgr/$CGROUP_NAME" -depth -type d -exec rmdir {} \; 2>/dev/null || true
}

targets_down() {
    local d n=0
    for d in "$TESTBED_DIR"/targets/target*; do   # all at once, then wait for each
        [ -d "$d" ] || continue
        pid_alive "$(read_pid "$d/init.pid")" && n=$((n + 1))
        poweroff_target "$d"
    done
    for d in "$TESTBED_DIR"/targets/target*; do
        [ -d "$d" ] && stop_target "$d"
    done
    [ $n -gt 0 ] && log "stopped $n target(s)"
    remove_cgroups
    rm -rf "$TESTBED_DIR/targets"
}

# ---------------------------------------------------------------- inventory + env
inventory() {
    local inv=$TESTBED_DIR/inventory.ini env=$TESTBED_DIR/testbed.env i d port
    {
        echo "# generated by testbed.sh — jplay test bed"
        echo "[targets]"
        for d in "$TESTBED_DIR"/targets/target*; do
            [ -d "$d" ] || continue; i=${d##*target}; port=$((TESTBED_TARGET_PORT + i - 1))
            echo "target$i ansible_host=127.0.0.1 ansible_port=$port ansible_user=$TESTBED_USER ansible_ssh_private_key_file=$KEY ansible_become=true"
        done
        echo
        echo "[sshd_hosts]"
        for d in "$TESTBED_DIR"/sshd/sshd*; do
            [ -d "$d" ] || continue; i=${d##*sshd}; port=$((TESTBED_SSHD_PORT + i - 1))
            echo "sshd$i ansible_host=127.0.0.1 ansible_port=$port ansible_user=$TESTBED_USER ansible_ssh_private_key_file=$KEY"
        done
        echo
        echo "[all:vars]"
        echo "ansible_ssh_common_args='-o UserKnownHostsFile=$TESTBED_DIR/ssh/known_hosts -o StrictHostKeyChecking=yes'"
        echo "testbed_password=$TESTBED_PASSWORD"
        echo "testbed_http_url=http://127.0.0.1:$TESTBED_HTTP_PORT"
        echo "testbed_apt_line='$(apt_line)'"
    } >"$inv"
    {
        echo "# generated by testbed.sh: KEY=VALUE, readable by sh and as Java properties"
        echo "TESTBED_DIR=$TESTBED_DIR"
        echo "TESTBED_INVENTORY=$inv"
        echo "TESTBED_KEY=$KEY"
        echo "TESTBED_KNOWN_HOSTS=$TESTBED_DIR/ssh/known_hosts"
        echo "TESTBED_USER=$TESTBED_USER"
        echo "TESTBED_PASSWORD=$TESTBED_PASSWORD"
        echo "TESTBED_TARGET_PORTS=$(for d in "$TESTBED_DIR"/targets/target*; do [ -d "$d" ] && echo $((TESTBED_TARGET_PORT + ${d##*target} - 1)); done | sort -n | paste -sd, -)"
        echo "TESTBED_SSHD_PORTS=$(for d in "$TESTBED_DIR"/sshd/sshd*; do [ -d "$d" ] && echo $((TESTBED_SSHD_PORT + ${d##*sshd} - 1)); done | sort -n | paste -sd, -)"
        echo "TESTBED_HTTP_URL=http://127.0.0.1:$TESTBED_HTTP_PORT"
        echo "TESTBED_APT_SOURCES=$TESTBED_DIR/apt-sources.list"
    } >"$env"
}

# ---------------------------------------------------------------- top level
up() {
    need_root
    local t0; t0=$(now)
    local nt=${1:-$TESTBED_TARGETS} ns=${2:-$TESTBED_SSHD_HOSTS}
    mkdir -p "$LOGS"
    deps
    [ "$nt" -gt 0 ] && targets_up "$nt"
    mirror_up
    [ "$ns" -gt 0 ] && sshd_up "$ns"
    write_known_hosts
    inventory
    log "up in $(( $(now) - t0 ))s — inventory: $TESTBED_DIR/inventory.ini  key: $KEY  env: $TESTBED_DIR/testbed.env"
}

down() {
    targets_down
    sshd_down
    mirror_down
    umount_under "$TESTBED_DIR"
    rm -f "$TESTBED_DIR/inventory.ini" "$TESTBED_DIR/testbed.env"
    log "down"
}

status() {
    local up=0 total=0 d i state pid
    printf '%-10s %-6s %-22s %s\n' NAME KIND ADDRESS STATE
    for d in "$TESTBED_DIR"/targets/target*; do
        [ -d "$d" ] || continue; i=${d##*target}; total=$((total + 1))
        if target_running "$i"; then
            state=$(target_exec "$i" systemctl is-system-running 2>/dev/null || true); up=$((up + 1))
        else state=stopped; fi
        printf '%-10s %-6s %-22s %s\n' "target$i" systemd "127.0.0.1:$((TESTBED_TARGET_PORT + i - 1))" "$state"
    done
    for d in "$TESTBED_DIR"/sshd/sshd*; do
        [ -d "$d" ] || continue; i=${d##*sshd}; total=$((total + 1))
        if pid_alive "$(read_pid "$d/sshd.pid")"; then state=running; up=$((up + 1)); else state=stopped; fi
        printf '%-10s %-6s %-22s %s\n' "sshd$i" sshd "127.0.0.1:$((TESTBED_SSHD_PORT + i - 1))" "$state"
    done
    if [ -f "$NGX/nginx.pid" ] || [ -f "$NGX/nginx.conf" ]; then
        total=$((total + 1))
        if pid_alive "$(read_pid "$NGX/nginx.pid")"; then state=running; up=$((up + 1)); else state=stopped; fi
        printf '%-10s %-6s %-22s %s\n' nginx http "127.0.0.1:$TESTBED_HTTP_PORT" "$state"
    fi
    if rootfs_ok; then echo "rootfs: $ROOTFS (cached)"; else echo "rootfs: not built"; fi
    [ -f "$TESTBED_DIR/inventory.ini" ] && echo "inventory: $TESTBED_DIR/inventory.ini"
    [ $up -eq 0 ] && return 3
    [ $up -lt $total ] && return 1
    return 0
}

ssh_to() {
    local name=$1 port; shift
    case $name in
        target[0-9]*) port=$((TESTBED_TARGET_PORT + ${name#target} - 1)) ;;
        sshd[0-9]*) port=$((TESTBED_SSHD_PORT + ${name#sshd} - 1)) ;;
        *) echo "unknown host $name (target1.., sshd1..)" >&2; exit 2 ;;
    esac
    exec ssh -i "$KEY" -p "$port" -o UserKnownHostsFile="$TESTBED_DIR/ssh/known_hosts" -o StrictHostKeyChecking=yes \
        -o BatchMode=yes -o LogLevel=ERROR "${TESTBED_SSH_USER:-$TESTBED_USER}@127.0.0.1" "$@"
}

cmd=${1:-}; [ $# -gt 0 ] && shift
case $cmd in  # one mutating command at a time per state dir (tests may call `up` concurrently)
    up|down|deps|rootfs|mirror-up|mirror-down|targets-up|targets-down|sshd-up|sshd-down|inventory|purge)
        need_root; mkdir -p "$TESTBED_DIR"
        exec 9>"$TESTBED_DIR/.lock"   # long-lived children are started with 9>&-
        flock -w 900 9 || die "another testbed.sh holds $TESTBED_DIR/.lock" ;;
esac
case $cmd in
    up) up "$@" ;;
    down) need_root; down ;;
    status) status ;;
    deps) deps ;;
    rootfs) rootfs ;;
    mirror-up) mirror_up; inventory ;;
    mirror-down) mirror_down ;;
    targets-up) targets_up "$@"; inventory ;;
    targets-down) need_root; targets_down; remove_cgroups; inventory ;;
    sshd-up) sshd_up "$@"; write_known_hosts; inventory ;;
    sshd-down) sshd_down; write_known_hosts; inventory ;;
    inventory) write_known_hosts; inventory; cat "$TESTBED_DIR/inventory.ini" ;;
    ssh) [ $# -ge 1 ] || { echo "usage: $0 ssh NAME [CMD...]" >&2; exit 2; }; ssh_to "$@" ;;
    exec) [ $# -ge 2 ] || { echo "usage: $0 exec targetN CMD..." >&2; exit 2; }
          n=$1; shift; target_exec "${n#target}" "$@" ;;
    purge) need_root; down; umount_under "$TESTBED_DIR"; rm -rf "$TESTBED_DIR" "$TESTBED_CACHE"; log "purged" ;;
    ""|-h|--help|help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; [ -n "$cmd" ] || exit 2 ;;
    *) echo "unknown command: $cmd (try: $0 help)" >&2; exit 2 ;;
esac
