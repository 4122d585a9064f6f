#!/usr/bin/env bash
# Boots the test guest against a 9P server already listening on 127.0.0.1:PORT and prints
# the console plus a summary. Exit status 0 when the suite finished with no failed check.
#
#   run-against.sh PORT [CACHE]          CACHE: none (default), loose, mmap, fscache
#
# Optional environment:
#   ANAME=path           aname= for the mount
#   CHECKS=a,b|none      only these standard checks (names: see STANDARD in guest-suite.sh)
#   EXTRA=name,name      extra scenario functions to run after the standard checks
#   EXTRA_SCRIPTS="f.sh g.sh"  shell files put in the guest's /suite/extra/ (sourced by the suite)
#   NINEP_OPTS=a=b,c     additional mount options
#   CHECK_TIMEOUT=120    per-check timeout inside the guest (seconds)
#   TIMEOUT=900          whole-run timeout (qemu is killed)
#   SMP=1 MEM=1024       guest CPUs / memory (MiB)
#   ACCEL=tcg            qemu accelerator (e.g. kvm where /dev/kvm works)
#   LOG=file             also write the console to this file
#   KERNEL_CACHE=dir     cache dir for build-initramfs.sh (default <repo>/target/kernel)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PORT=${1:?usage: run-against.sh PORT [CACHE]}
CACHE=${2:-none}

build=$("$HERE/build-initramfs.sh" ${KERNEL_CACHE:+"$KERNEL_CACHE"})
VMLINUZ=$(echo "$build" | sed -n 's/^vmlinuz=//p')
INITRAMFS=$(echo "$build" | sed -n 's/^initramfs=//p')

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/root/suite/extra"
cp "$HERE/guest-suite.sh" "$TMP/root/suite/guest-suite.sh"
i=0
for f in ${EXTRA_SCRIPTS:-}; do
  i=$((i + 1)); cp "$f" "$TMP/root/suite/extra/$(printf %02d $i)-$(basename "$f")"
done
(cd "$TMP/root" && find suite | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) > "$TMP/suite.cpio"
cat "$INITRAMFS" "$TMP/suite.cpio" > "$TMP/initrd"

RUN="ninep-run-$(date +%Y%m%d-%H%M%S)-$$"
APPEND="console=ttyS0 quiet loglevel=4 panic=-1 ninep.port=$PORT ninep.cache=$CACHE ninep.run=$RUN"
APPEND+=" ninep.timeout=${CHECK_TIMEOUT:-120}"
[ -n "${ANAME:-}" ] && APPEND+=" ninep.aname=$ANAME"
[ -n "${CHECKS:-}" ] && APPEND+=" ninep.checks=$CHECKS"
[ -n "${EXTRA:-}" ] && APPEND+=" ninep.extra=$EXTRA"
[ -n "${NINEP_OPTS:-}" ] && APPEND+=" ninep.opts=$NINEP_OPTS"

OUT=${LOG:-$TMP/console.log}
start=$(date +%s.%N)
set +e
timeout -s KILL "${TIMEOUT:-900}" qemu-system-x86_64 \
  -accel "${ACCEL:-tcg}" -cpu "${CPU:-max}" -smp "${SMP:-1}" -m "${MEM:-1024}" \
  -nodefaults -display none -no-reboot -serial stdio \
  -netdev user,id=n0 -device e1000,netdev=n0 \
  -kernel "$VMLINUZ" -initrd "$TMP/initrd" -append "$APPEND" < /dev/null \
  | tr -d '\r' | tee "$OUT"
rc=${PIPESTATUS[0]}
set -e
end=$(date +%s.%N)

echo "=================================================================="
echo "qemu exit status $rc, wall time $(awk "BEGIN{printf \"%.1f\", $end - $start}") s, cache=$CACHE, work dir $RUN"
grep -a 'NINEP-CHECK .* FAIL' "$OUT" || true
done_line=$(grep -a -o 'NINEP-DONE [0-9]* [0-9]*' "$OUT" | tail -1 || true)
if [ -z "$done_line" ]; then
  echo "no NINEP-DONE line: the suite did not finish"
  exit 2
fi
echo "$done_line"
[ "$(echo "$done_line" | awk '{print $3}')" = 0 ]
