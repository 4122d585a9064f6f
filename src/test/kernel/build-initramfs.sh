#!/usr/bin/env bash
# Builds the kernel + initramfs used by the real-kernel 9P tests (see README.md).
#
#   build-initramfs.sh [CACHE_DIR]      (default: <repo>/target/kernel)
#
# Installs nothing: the packages come from install-deps.sh. Downloads the Debian kernel package
# that linux-image-amd64 currently depends on (override: NINEP_KERNEL_PKG=linux-image-...),
# keeps vmlinuz + the few modules needed under CACHE_DIR/<kernel package>/, and builds
# initramfs.cpio.gz there (busybox-static, /init, modules, flock/setfattr/getfattr + libs,
# static lockprobe). Work already done is skipped. The test script itself is NOT in this
# archive: the caller appends it as a second cpio archive (see QemuGuest.java / run-against.sh).
#
# Last lines on stdout (machine readable; everything else goes to stderr):
#   kernel=<package>  vmlinuz=<path>  initramfs=<path>
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
CACHE=${1:-$REPO/target/kernel}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)

# Modules, in insmod order (dependencies are checked below with modinfo).
MODULES="netfs fscache 9pnet 9pnet_fd 9p e1000"
# Debian binaries copied (with their shared libraries) into the guest; busybox provides the rest.
TOOLS="flock setfattr getfattr"

log() { echo "build-initramfs: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for t in busybox cpio gzip gcc modinfo ldd sha256sum; do
  command -v "$t" >/dev/null 2>&1 || die "missing tool '$t' (run src/test/kernel/install-deps.sh)"
done
BUSYBOX=$(command -v busybox)
# busybox must be the static build (busybox-static), the guest has no libraries for it
if ldd "$BUSYBOX" >/dev/null 2>&1; then
  die "$BUSYBOX is dynamically linked; install busybox-static"
fi

# ---------------------------------------------------------------- kernel package
KPKG=${NINEP_KERNEL_PKG:-}
if [ -z "$KPKG" ]; then
  KPKG=$(apt-cache depends linux-image-amd64 2>/dev/null \
         | awk '/Depends: linux-image-[0-9]/ {print $2; exit}') || true
fi
if [ -z "$KPKG" ]; then
  # apt lists missing (offline, no apt-get update): fall back to the newest cached kernel
  KPKG=$(ls -1d "$CACHE"/linux-image-*/ 2>/dev/null | xargs -r -n1 basename | sort -V | tail -1) || true
  [ -n "$KPKG" ] || die "cannot determine the kernel package: 'apt-cache depends linux-image-amd64' found nothing (run apt-get update) and nothing is cached in $CACHE"
  log "apt-cache gave no answer, using cached $KPKG"
fi
KDIR=$CACHE/$KPKG
log "kernel package $KPKG, cache $KDIR"

if [ ! -s "$KDIR/vmlinuz" ] || [ ! -f "$KDIR/modules/.complete" ]; then
  WORK=$(mktemp -d "$CACHE/.dl.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
  DEB=$(ls -1 /var/cache/apt/archives/"$KPKG"_*.deb 2>/dev/null | tail -1 || true)
  if [ -z "$DEB" ]; then
    log "downloading $KPKG"
    chmod 777 "$WORK"   # apt drops privileges to _apt for downloads when it can
    (cd "$WORK" && apt-get download -q "$KPKG" >&2) || die "apt-get download $KPKG failed"
    DEB=$(ls -1 "$WORK"/*.deb | head -1)
  fi
  log "unpacking $(basename "$DEB")"
  dpkg-deb -x "$DEB" "$WORK/x"
  rm -rf "$KDIR"
  mkdir -p "$KDIR/modules"
  VMLINUZ=$(ls -1 "$WORK"/x/boot/vmlinuz-* 2>/dev/null | head -1) || true
  [ -n "$VMLINUZ" ] || die "no vmlinuz in $DEB"
  cp "$VMLINUZ" "$KDIR/vmlinuz"
  MODROOT=""
  for d in "$WORK"/x/lib/modules/* "$WORK"/x/usr/lib/modules/*; do
    [ -d "$d" ] && MODROOT=$d && break
  done
  [ -n "$MODROOT" ] || die "no modules in $DEB"
  KVER=$(basename "$MODROOT")
  echo "$KVER" > "$KDIR/kernel-version"

  find_mod() {  # module name -> path of its .ko[.xz|.zst|.gz]; modules use - and _ interchangeably
    local n=$1 alt=${1//_/-}
    find "$MODROOT" \( -name "$n.ko" -o -name "$n.ko.*" -o -name "$alt.ko" -o -name "$alt.ko.*" \) | head -1
  }
  # Resolve dependencies (depth first) so the order in modules/order is loadable with insmod.
  ORDER=""
  add_mod() {
    local m=$1 f d
    case " $ORDER " in *" $m "*) return 0 ;; esac
    f=$(find_mod "$m")
    [ -n "$f" ] || die "module $m not found in $KPKG (built in? check $MODROOT/modules.builtin)"
    for d in $(modinfo -F depends "$f" | tr ',' ' '); do add_mod "$d"; done
    ORDER="$ORDER $m"
    case "$f" in
      *.ko) cp "$f" "$KDIR/modules/$m.ko" ;;
      *.ko.xz) xz -dc "$f" > "$KDIR/modules/$m.ko" ;;
      *.ko.zst) zstd -qdc "$f" > "$KDIR/modules/$m.ko" ;;
      *.ko.gz) gzip -dc "$f" > "$KDIR/modules/$m.ko" ;;
      *) die "unknown module format $f" ;;
    esac
  }
  for m in $MODULES; do add_mod "$m"; done
  echo $ORDER > "$KDIR/modules/order"
  touch "$KDIR/modules/.complete"
  rm -rf "$WORK"
  trap - EXIT
  log "kernel $KVER, modules:$ORDER"
fi

# ---------------------------------------------------------------- initramfs
# Stamp of every input; the archive is rebuilt when any of them changes.
STAMP=$( {
  echo "$KPKG"; cat "$KDIR/modules/order"
  sha256sum "${BASH_SOURCE[0]}" "$HERE/lockprobe.c" "$BUSYBOX"
  for t in $TOOLS; do sha256sum "$(command -v "$t")"; done
} | sha256sum | cut -c1-32)
OUT=$KDIR/initramfs.cpio.gz
if [ -s "$OUT" ] && [ "$(cat "$KDIR/initramfs.stamp" 2>/dev/null)" = "$STAMP" ]; then
  log "initramfs up to date"
else
  log "building initramfs"
  ROOT=$(mktemp -d "$CACHE/.root.XXXXXX")
  trap 'rm -rf "$ROOT"' EXIT
  mkdir -p "$ROOT"/{bin,sbin,usr/bin,usr/sbin,lib/modules,dev,proc,sys,tmp,mnt,mnt2,etc,root,suite/extra}
  cp "$BUSYBOX" "$ROOT/bin/busybox"
  for a in $("$BUSYBOX" --list); do
    [ "$a" = busybox ] || ln -s busybox "$ROOT/bin/$a"
  done
  cp "$KDIR"/modules/*.ko "$KDIR/modules/order" "$ROOT/lib/modules/"

  copy_with_libs() {  # binary -> /usr/bin/<name> plus its shared libraries at their own paths
    local bin=$1 lib
    cp -L "$bin" "$ROOT/usr/bin/$(basename "$bin")"
    for lib in $(ldd "$bin" | awk '/=> \// {print $3} /^[ \t]*\// {print $1}'); do
      mkdir -p "$ROOT$(dirname "$lib")"
      [ -e "$ROOT$lib" ] || cp -L "$lib" "$ROOT$lib"
    done
  }
  for t in $TOOLS; do
    p=$(command -v "$t") || die "missing tool '$t' (install-deps.sh installs util-linux and attr)"
    copy_with_libs "$p"
  done
  gcc -static -O2 -Wall -o "$ROOT/usr/bin/lockprobe" "$HERE/lockprobe.c" \
    || die "cannot compile lockprobe.c statically (needs gcc + libc6-dev)"

  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$ROOT/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$ROOT/etc/group"
  # the kernel opens /dev/console before running /init; device nodes need root to create,
  # so /init also mounts devtmpfs and re-opens the console itself
  mknod -m 600 "$ROOT/dev/console" c 5 1 2>/dev/null || true
  mknod -m 666 "$ROOT/dev/null" c 1 3 2>/dev/null || true

  cat > "$ROOT/init" <<'EOF'
#!/bin/sh
export PATH=/usr/bin:/usr/sbin:/bin:/sbin HOME=/root TZ=UTC
mount -t devtmpfs devtmpfs /dev 2>/dev/null
exec </dev/console >/dev/console 2>&1
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs -o size=600m tmpfs /tmp
dmesg -n 1
hostname ninep-guest
echo "NINEP-BOOT init $(cut -d' ' -f1 /proc/uptime) $(uname -r)"
for m in $(cat /lib/modules/order); do
  insmod /lib/modules/$m.ko || echo "NINEP-BOOT insmod $m failed"
done
ip link set lo up
ip link set eth0 up && ip addr add 10.0.2.15/24 dev eth0 || echo "NINEP-BOOT network setup failed"
ip route add default via 10.0.2.2 2>/dev/null
# wait (at most 10 s) for the link: connecting before it is up costs TCP SYN retransmits
i=0
while [ "$(cat /sys/class/net/eth0/carrier 2>/dev/null)" != 1 ] && [ $i -lt 100 ]; do
  sleep 0.1; i=$((i + 1))
done
echo "NINEP-BOOT net $(cut -d' ' -f1 /proc/uptime) carrier=$(cat /sys/class/net/eth0/carrier 2>/dev/null)"
if [ -f /suite/guest-suite.sh ]; then
  sh /suite/guest-suite.sh
else
  echo "NINEP-BOOT no /suite/guest-suite.sh (second cpio archive missing)"
  echo "NINEP-DONE 0 1"
fi
sync
echo "NINEP-BOOT poweroff $(cut -d' ' -f1 /proc/uptime)"
poweroff -f
EOF
  chmod 755 "$ROOT/init"

  (cd "$ROOT" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) \
    | gzip -6 > "$OUT.tmp"
  # pad to a multiple of 4 so a second (uncompressed) cpio can simply be appended
  size=$(stat -c %s "$OUT.tmp")
  pad=$(( (4 - size % 4) % 4 ))
  [ "$pad" -eq 0 ] || head -c "$pad" /dev/zero >> "$OUT.tmp"
  mv "$OUT.tmp" "$OUT"
  echo "$STAMP" > "$KDIR/initramfs.stamp"
  rm -rf "$ROOT"
  trap - EXIT
  log "initramfs $(stat -c %s "$OUT") bytes"
fi

echo "kernel=$KPKG"
echo "vmlinuz=$KDIR/vmlinuz"
echo "initramfs=$OUT"
