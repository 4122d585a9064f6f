#!/usr/bin/env bash
# Debian packages for the real-kernel 9P tests (qemu guest, see README.md). Run as root.
# Safe to run repeatedly: does nothing when everything is installed and the apt lists are
# present (build-initramfs.sh needs them to find and download the kernel package).
set -euo pipefail

PKGS=(
  qemu-system-x86   # qemu-system-x86_64 (+ seabios, ipxe-qemu for the e1000 ROM)
  busybox-static    # the guest's userland
  cpio gzip         # initramfs archives
  xz-utils zstd     # compressed kernel modules, when the kernel ships them so
  kmod              # modinfo (module dependencies)
  util-linux        # flock, copied into the guest
  attr              # setfattr/getfattr, copied into the guest
  gcc libc6-dev     # static lockprobe helper
  diod              # reference 9P server for validating the harness by hand
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
have_lists=0
apt-cache depends linux-image-amd64 2>/dev/null | grep -q 'Depends: linux-image-[0-9]' && have_lists=1

if [ ${#missing[@]} -eq 0 ] && [ $have_lists = 1 ]; then
  echo "install-deps: all present"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
