#!/bin/sh
# ninep guest test suite: runs inside the qemu guest (busybox ash), started by /init.
#
# Parameters come from the kernel command line (/proc/cmdline):
#   ninep.port=N         9P server port on the host (reached as ninep.host, default 10.0.2.2) [564]
#   ninep.cache=MODE     cache= mount option: none, loose, mmap, fscache            [none]
#   ninep.aname=PATH     aname= mount option                                       [unset]
#   ninep.msize=N        msize= mount option                                       [1048576]
#   ninep.opts=A,B       extra mount options, appended as given                    [unset]
#   ninep.run=ID         name of the per-run work dir under the mount              [ninep-run-<time>]
#   ninep.checks=A,B     only these standard checks; "none" for none; default all
#   ninep.extra=A,B      after the standard checks run function A, B, ... (defined here or in
#                        /suite/extra/*.sh, which is sourced; the host puts files there)
#   ninep.timeout=SECS   per-check timeout (the check is SIGKILLed)                 [120]
#   ninep.keep=0|1       keep the work dir (default 1: the host compares NINEP-SUM files)
#
# Output on the console, one line each:
#   NINEP-CHECK <name> PASS | NINEP-CHECK <name> FAIL <reason>
#   NINEP-SUM <path relative to the mount root> <sha256>
#   NINEP-DONE <passed> <failed>
# plus NINEP-INFO / NINEP-LOG lines (context, and the output of failed checks).
#
# Writing an extra scenario (a file handed to the guest in /suite/extra/):
#   my_scenario() {            # runs in its own shell, cwd = its own empty dir on the mount
#     echo data > f || fail "cannot write"     # fail: reason printed in the FAIL line, exits
#     emit "NINEP-INFO something"             # emit: a line for the console
#   }
#   timeout_my_scenario=200                   # optional per-check timeout in seconds
# Available in a check: $MNT (mount point), $W (work dir on the mount), $D (this check's dir on
# the mount, also the cwd), $REL (path of $D relative to the mount root), $T (this check's
# local tmpfs dir), $CACHE, $PORT, $HOST, $MOUNT_OPTS, helper functions below.

SELF=/suite/guest-suite.sh
[ -f "$SELF" ] || SELF=$0
export PATH=/usr/bin:/usr/sbin:/bin:/sbin TZ=UTC

# ------------------------------------------------------------------ helpers for checks
fail() { printf '%s\n' "$*" > "$T/.reason"; exit 1; }
emit() { printf '%s\n' "$*" >> "$T/.emit"; }
# expect ACTUAL EXPECTED WHAT
expect() { [ "$1" = "$2" ] || fail "$3: expected '$2' got '$1'"; }
# wait_for FILE [tenths of a second, default 300]
wait_for() {
  _n=0
  while [ ! -e "$1" ]; do
    _n=$((_n + 1)); [ "$_n" -gt "${2:-300}" ] && return 1; sleep 0.1
  done
  return 0
}
drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches; }
sum_of() { sha256sum "$1" | cut -d' ' -f1; }
# manifest DIR: type, mode, size, checksum / link target for everything below DIR (no times)
manifest() {
  (cd "$1" && find . -mindepth 1 | LC_ALL=C sort | while read -r p; do
    if [ -L "$p" ]; then echo "L $p -> $(readlink "$p")"
    elif [ -d "$p" ]; then echo "D $p $(stat -c %a "$p")"
    elif [ -f "$p" ]; then echo "F $p $(stat -c '%a %s' "$p") $(sum_of "$p")"
    else echo "? $p $(stat -c '%F %a' "$p")"; fi
  done)
}
# make_tree DIR: a small tree with files of several sizes, nested dirs and a symlink
make_tree() {
  mkdir -p "$1/a/b/c" "$1/empty" "$1/x y" || return 1
  : > "$1/zero"
  echo hello > "$1/a/hello.txt"
  dd if=/dev/urandom of="$1/a/b/rand4k" bs=4096 count=1 2>/dev/null
  dd if=/dev/urandom of="$1/a/b/c/rand100k" bs=1000 count=100 2>/dev/null
  dd if=/dev/urandom of="$1/x y/rand300k" bs=3000 count=100 2>/dev/null
  printf 'exec\n' > "$1/a/run.sh"; chmod 755 "$1/a/run.sh"
  printf 'private\n' > "$1/a/b/secret"; chmod 600 "$1/a/b/secret"
  ln -s hello.txt "$1/a/link"
  chmod 750 "$1/a/b/c"
}

# ------------------------------------------------------------------ standard checks
check_ls_l() {
  echo hello > a.txt; mkdir sub; ln -s a.txt sl
  i=0; while [ $i -lt 100 ]; do : > "f$i"; i=$((i + 1)); done
  out=$(ls -l) || fail "ls -l failed"
  echo "$out" | grep -q '^-.* 6 .* a\.txt$' || fail "ls -l: no regular a.txt of size 6"
  echo "$out" | grep -q '^d.* sub$' || fail "ls -l: no directory sub"
  echo "$out" | grep -q '^l.* sl -> a\.txt$' || fail "ls -l: no symlink sl -> a.txt"
  n=$(ls -1 | wc -l); expect "$n" 103 "entries listed by ls -1"
  n=$(ls -1a | wc -l); expect "$n" 105 "entries listed by ls -1a (with . and ..)"
  ls -ld . | grep -q '^d' || fail "ls -ld . is not a directory"
}

check_cp_mv_rm_tree() {
  make_tree "$T/src" || fail "cannot build local tree"
  want=$(manifest "$T/src")
  cp -a "$T/src" tree || fail "cp -a into the mount failed"
  got=$(manifest tree); [ "$got" = "$want" ] || fail "tree differs after cp -a: $(echo "$got" | head -c 150)"
  diff -r "$T/src" tree > /dev/null || fail "diff -r reports differences after cp"
  mv tree tree2 || fail "mv of the tree failed"
  [ -e tree ] && fail "old name still exists after mv"
  got=$(manifest tree2); [ "$got" = "$want" ] || fail "tree differs after mv"
  mv tree2/a/b/c/rand100k tree2/moved || fail "mv of a file between directories failed"
  [ "$(sum_of tree2/moved)" = "$(sum_of "$T/src/a/b/c/rand100k")" ] || fail "moved file content differs"
  cp -r tree2 tree3 || fail "cp -r inside the mount failed"
  rm -r tree2 || fail "rm -r failed"
  [ -e tree2 ] && fail "tree still exists after rm -r"
  rm -rf tree3 || fail "rm -rf failed"
  [ -z "$(ls -A)" ] || fail "directory not empty after rm: $(ls -A | head -3 | tr '\n' ' ')"
}

check_ln_hard() {
  echo data > f
  ln f g || fail "ln failed"
  expect "$(stat -c %h f)" 2 "link count of f"
  expect "$(stat -c %i g)" "$(stat -c %i f)" "inode number of the hard link"
  echo more >> g
  expect "$(cat f)" "$(printf 'data\nmore')" "content through the other name"
  rm f || fail "rm f failed"
  expect "$(cat g)" "$(printf 'data\nmore')" "content after removing the first name"
  expect "$(stat -c %h g)" 1 "link count after rm"
  mkdir d; ln d dl 2>/dev/null && fail "hard link to a directory succeeded"
  return 0
}

check_ln_symlink() {
  echo target-data > target; mkdir dir; echo inside > dir/file
  ln -s target sl || fail "ln -s failed"
  expect "$(readlink sl)" target "readlink"
  expect "$(cat sl)" target-data "read through symlink"
  [ -L sl ] || fail "test -L"
  expect "$(stat -c %F sl)" "symbolic link" "stat type"
  ln -s dir sd; expect "$(cat sd/file)" inside "read through a directory symlink"
  ln -s /nonexistent/x dangling || fail "ln -s dangling failed"
  [ -L dangling ] || fail "dangling symlink missing"
  [ -e dangling ] && fail "dangling symlink resolves"
  long=$(printf '%0200d' 0 | tr 0 a)/$(printf '%0200d' 0 | tr 0 b)
  ln -s "$long" longlink || fail "ln -s with a 401-byte target failed"
  expect "$(readlink longlink)" "$long" "long symlink target"
  ln -sf dir sl2 && rm sl2 || fail "rm of a symlink failed"
}

check_chmod() {
  echo x > f; mkdir d
  chmod 640 f || fail "chmod 640 failed"; expect "$(stat -c %a f)" 640 "mode after chmod 640"
  chmod u+x,o+r f; expect "$(stat -c %a f)" 744 "mode after chmod u+x,o+r"
  chmod 0 f; expect "$(stat -c %a f)" 0 "mode after chmod 0"
  chmod 700 d; expect "$(stat -c %a d)" 700 "directory mode"
  chmod 1777 d; expect "$(stat -c %a d)" 1777 "sticky directory mode"
  expect "$(stat -c %F d)" directory "type kept after chmod"
}

check_chown() {
  echo x > f
  chown 1234:5678 f || fail "chown 1234:5678 failed"
  expect "$(stat -c %u:%g f)" 1234:5678 "owner after chown"
  chown 0:0 f || fail "chown back to 0:0 failed"
  expect "$(stat -c %u:%g f)" 0:0 "owner after chown back"
  chgrp 42 f || fail "chgrp failed"; expect "$(stat -c %g f)" 42 "group after chgrp"
}

check_touch_d() {
  touch -d '2001-02-03 04:05:06' f || fail "touch -d (create) failed"
  expect "$(stat -c %Y f)" 981173106 "mtime of a file created by touch -d"
  echo x > g
  touch -d '2010-01-01 00:00:00' g || fail "touch -d (existing) failed"
  expect "$(stat -c %Y g)" 1262304000 "mtime after touch -d"
  expect "$(stat -c %X g)" 1262304000 "atime after touch -d"
  touch -m -d '2011-01-01 00:00:00' g
  expect "$(stat -c %Y g)" 1293840000 "mtime after touch -m -d"
  expect "$(stat -c %X g)" 1262304000 "atime unchanged by touch -m"
  drop_caches
  expect "$(stat -c %Y g)" 1293840000 "mtime after drop_caches"
}

check_truncate() {
  printf 0123456789 > f
  truncate -s 4 f || fail "truncate -s 4 failed"
  expect "$(stat -c %s f)" 4 "size after shrink"; expect "$(cat f)" 0123 "content after shrink"
  truncate -s 1M f || fail "truncate -s 1M failed"
  expect "$(stat -c %s f)" 1048576 "size after extend"
  expect "$(dd if=f bs=1 skip=4 count=16 2>/dev/null | od -An -tx1 | tr -d ' \n')" \
    00000000000000000000000000000000 "bytes after the old end"
  expect "$(head -c 4 f)" 0123 "content kept by extend"
  : > f; expect "$(stat -c %s f)" 0 "size after O_TRUNC"
  drop_caches; expect "$(stat -c %s f)" 0 "size after drop_caches"
}

check_mkfifo() {
  mkfifo p || fail "mkfifo failed"
  [ -p p ] || fail "test -p"
  expect "$(stat -c %F p)" fifo "stat type"
  ls -l p | grep -q '^p' || fail "ls -l does not show a fifo"
  (echo through-the-fifo > p) &
  got=$(timeout 20 cat p) || fail "reading the fifo failed or hung"
  wait
  expect "$got" through-the-fifo "data through the fifo"
  mknod c c 1 3 2>/dev/null && { [ -c c ] || fail "mknod c made no char device"; }
  return 0
}

check_dd_64m() {
  dd if=/dev/urandom of="$T/big" bs=1M count=64 2>/dev/null || fail "local dd failed"
  want=$(sum_of "$T/big")
  dd if="$T/big" of=big.bin bs=1M conv=fsync 2>"$T/dd.err" || fail "dd into the mount failed: $(tail -1 "$T/dd.err")"
  rm -f "$T/big"
  expect "$(stat -c %s big.bin)" 67108864 "size"
  drop_caches
  got=$(dd if=big.bin bs=1M 2>/dev/null | sha256sum | cut -d' ' -f1)
  emit "NINEP-SUM $REL/big.bin $got"
  expect "$got" "$want" "sha256 read back"
  got=$(dd if=big.bin bs=4096 skip=4095 count=3 2>/dev/null | wc -c)
  expect "$got" 12288 "bytes of a small read at offset 16 MiB - 4 KiB"
}

check_tar_roundtrip() {
  make_tree orig || fail "cannot build the tree on the mount"
  want=$(manifest orig)
  tar -cf "$T/t.tar" orig || fail "tar c out of the mount failed"
  mkdir back && tar -C back -xf "$T/t.tar" || fail "tar x into the mount failed"
  got=$(manifest back/orig); [ "$got" = "$want" ] || fail "tree differs after tar round trip"
  tar -cf - orig | tar -C "$T" -xf - || fail "tar pipe out of the mount failed"
  got=$(manifest "$T/orig"); [ "$got" = "$want" ] || fail "local copy differs"
  tar -C "$T" -cf - orig | (mkdir back2 && tar -C back2 -xf -) || fail "tar pipe into the mount failed"
  got=$(manifest back2/orig); [ "$got" = "$want" ] || fail "tree differs after tar pipe"
}

check_append() {
  echo one > f; echo two >> f; echo three >> f
  expect "$(cat f)" "$(printf 'one\ntwo\nthree')" "content after >>"
  drop_caches
  expect "$(cat f)" "$(printf 'one\ntwo\nthree')" "content after drop_caches"
  (i=0; while [ $i -lt 50 ]; do echo a$i >> g; i=$((i + 1)); done) &
  (i=0; while [ $i -lt 50 ]; do echo b$i >> g; i=$((i + 1)); done) &
  wait
  expect "$(wc -l < g)" 100 "lines after two concurrent appenders"
  expect "$(grep -c '^a' g):$(grep -c '^b' g)" 50:50 "lines of each appender"
  exec 4>>f; echo four >&4; echo five >&4; exec 4>&-
  expect "$(tail -n 1 f)" five "last line after appending through one fd"
  expect "$(stat -c %s f)" 24 "size after appends"
}

check_rename_over_open() {
  echo old > a; echo new > b
  exec 3< a
  mv b a || fail "rename over the open file failed"
  [ -e b ] && fail "source name still exists"
  expect "$(cat a)" new "content under the name"
  expect "$(cat <&3)" old "content through the fd opened before the rename"
  exec 3<&-
  echo x > c; exec 3< c; mv c moved || fail "rename of an open file failed"
  expect "$(cat <&3)" x "content through the fd after rename"
  exec 3<&-
}

check_unlink_open() {
  echo content > f
  exec 3< f
  rm f || fail "rm of an open file failed"
  [ -e f ] && fail "name still exists after rm"
  expect "$(cat <&3)" content "read through the fd after unlink"
  exec 3<&-
  echo y > h; exec 4<> h; rm h; echo more >&4 || fail "write through the fd after unlink"
  exec 4>&-
}

check_unlink_open_fstat() {
  # fstat(2) of an open, unlinked file: the client sends Tgetattr on the open fid
  printf 'twelve bytes' > g
  out=$(lockprobe unlinked g 2>&1) || fail "$out"
  expect "$out" "$(printf 'nlink=0 size=12\ntwelve bytes')" "fstat + read after unlink"
}

check_xattr() {
  echo x > f
  setfattr -n user.ninep -v hello f || fail "setfattr failed"
  expect "$(getfattr --only-values -n user.ninep f)" hello "getfattr value"
  setfattr -n user.bin -v 0x00ff01 f || fail "setfattr of a binary value failed"
  expect "$(getfattr -e hex -n user.bin f 2>/dev/null | grep user.bin)" "user.bin=0x00ff01" "binary value"
  getfattr -d f 2>/dev/null | grep -q '^user.ninep="hello"$' || fail "getfattr -d does not list user.ninep"
  setfattr -n user.ninep -v replaced f; expect "$(getfattr --only-values -n user.ninep f)" replaced "replaced value"
  setfattr -x user.ninep f || fail "setfattr -x failed"
  err=$(getfattr -n user.ninep f 2>&1) && fail "removed attribute still readable"
  echo "$err" | grep -qi 'no such attribute' || fail "missing attribute error: $err"
  getfattr -d f 2>/dev/null | grep -q 'user.ninep' && fail "removed attribute still listed"
  mkdir d; setfattr -n user.dir -v 1 d || fail "setfattr on a directory failed"
  expect "$(getfattr --only-values -n user.dir d)" 1 "directory xattr"
}

check_flock() {
  touch f
  flock -x f sh -c "touch '$T/held'; i=0; while [ ! -e '$T/release' ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i+1)); done" &
  holder=$!
  wait_for "$T/held" || fail "holder never got the lock"
  flock -n -x f true && fail "flock -n -x succeeded while another process holds the lock"
  flock -n -s f true && fail "flock -n -s succeeded while another process holds an exclusive lock"
  (flock -x f touch "$T/waiter-got-it") &
  waiter=$!
  sleep 1
  [ -e "$T/waiter-got-it" ] && fail "blocking flock did not wait"
  touch "$T/release"; wait $holder || fail "holder failed"
  wait $waiter || fail "blocking waiter failed"
  [ -e "$T/waiter-got-it" ] || fail "blocking waiter never got the lock"
  flock -n -x f true || fail "flock -n fails after release"
  flock -s f sh -c "flock -n -s f true" || fail "two shared locks conflict"
}

check_fcntl_lock() {
  touch f
  lockprobe hold f wr "$T/ready" "$T/release" & holder=$!
  wait_for "$T/ready" || fail "holder never got the write lock"
  out=$(lockprobe try f wr); expect "$?:$out" 1:conflict "F_SETLK wr while held"
  out=$(lockprobe try f rd); expect "$?:$out" 1:conflict "F_SETLK rd while write-held"
  out=$(lockprobe getlk f wr); expect "$out" "locked wr $holder" "F_GETLK"
  lockprobe wait f wr > "$T/waited" & waiter=$!
  sleep 1
  [ -s "$T/waited" ] && fail "F_SETLKW did not wait"
  touch "$T/release"; wait $holder || fail "holder failed"
  wait $waiter || fail "F_SETLKW waiter failed"
  expect "$(cat "$T/waited")" acquired "F_SETLKW after release"
  out=$(lockprobe try f wr); expect "$?:$out" 0:acquired "F_SETLK after release"
  lockprobe hold f rd "$T/ready2" "$T/release2" & holder=$!
  wait_for "$T/ready2" || fail "holder never got the read lock"
  out=$(lockprobe try f rd); expect "$?:$out" 0:acquired "second read lock"
  out=$(lockprobe try f wr); expect "$?:$out" 1:conflict "write lock while read-held"
  touch "$T/release2"; wait $holder
}

# Locks between two mounts (two 9P connections): the guest kernel keeps separate lock tables per
# mount, so only the server can make these conflict.
mount_second() {
  mkdir -p /mnt2
  mount -t 9p -o "$MOUNT_OPTS" "$HOST" /mnt2 2>"$T/mount2.err" || fail "second mount failed: $(cat "$T/mount2.err")"
}
check_flock_2mounts() {
  mount_second
  touch f
  flock -x f sh -c "touch '$T/held'; i=0; while [ ! -e '$T/release' ] && [ \$i -lt 600 ]; do sleep 0.1; i=\$((i+1)); done" &
  holder=$!
  wait_for "$T/held" || { umount /mnt2; fail "holder never got the lock"; }
  flock -n -x "/mnt2/$REL/f" true; rc=$?
  touch "$T/release"; wait $holder
  flock -n -x "/mnt2/$REL/f" true; rc2=$?
  umount /mnt2 || fail "umount of the second mount failed"
  # v9fs sends flock() as Tlock, and every close() of the inode by any process (here the holder's
  # children, which inherit its fd) as Tlock UNLCK with that process's proc_id: a server must
  # release only the locks of that proc_id/client_id, not everything held through the fid
  [ $rc = 0 ] && fail "flock -n through a second mount succeeded while the first holds the lock (server dropped it on a child's Tlock UNLCK?)"
  [ $rc2 = 0 ] || fail "flock -n through a second mount fails after release"
  return 0
}
check_fcntl_lock_2mounts() {
  mount_second
  touch f
  lockprobe hold f wr "$T/ready" "$T/release" & holder=$!
  wait_for "$T/ready" || { umount /mnt2; fail "holder never got the write lock"; }
  out=$(lockprobe try "/mnt2/$REL/f" wr); r1="$?:$out"
  touch "$T/release"; wait $holder
  out=$(lockprobe try "/mnt2/$REL/f" wr); r2="$?:$out"
  umount /mnt2 || fail "umount of the second mount failed"
  expect "$r1" 1:conflict "F_SETLK through a second mount while held"
  expect "$r2" 0:acquired "F_SETLK through a second mount after release"
}

check_df() {
  out=$(df -k "$MNT") || fail "df failed"
  line=$(echo "$out" | tail -n 1)
  total=$(echo "$line" | awk '{print $2}')
  [ "${total:-0}" -gt 0 ] 2>/dev/null || fail "df shows no size: $line"
  echo "$line" | grep -q " $MNT\$" || fail "df does not show the mount point: $line"
  bs=$(stat -f -c %S "$MNT") || fail "stat -f failed"
  [ "${bs:-0}" -gt 0 ] || fail "statfs block size $bs"
  emit "NINEP-INFO df $(echo "$line" | tr -s ' ')"
}

check_mmap_read() {
  lockprobe pattern 300000 5 > f || fail "write failed"
  drop_caches
  expect "$(lockprobe mmapread f)" "$(lockprobe pattern 300000 5 > "$T/p" && lockprobe mmapread "$T/p")" "mmap read"
}

check_mmap_write() {
  size=1048699
  lockprobe mmapwrite m.bin $size 7 2>"$T/err" || fail "$(cat "$T/err")"
  want=$(lockprobe pattern $size 7 | sha256sum | cut -d' ' -f1)
  expect "$(sum_of m.bin)" "$want" "content read back with read(2)"
  drop_caches
  got=$(sum_of m.bin)
  emit "NINEP-SUM $REL/m.bin $got"
  expect "$got" "$want" "content after drop_caches"
  # overwrite part of an existing file through a mapping
  lockprobe pattern 8192 1 > n.bin
  lockprobe mmapwrite n.bin 8192 2 || fail "mmap overwrite failed"
  drop_caches
  expect "$(sum_of n.bin)" "$(lockprobe pattern 8192 2 | sha256sum | cut -d' ' -f1)" "overwritten content"
}

# ------------------------------------------------------------------ built-in extra scenarios
# (host selects with ninep.extra=NAME; more come from /suite/extra/*.sh)
example_extra() {
  echo ok > f && expect "$(cat f)" ok "example extra scenario"
}

# ------------------------------------------------------------------ runner
STANDARD="ls_l cp_mv_rm_tree ln_hard ln_symlink chmod chown touch_d truncate mkfifo dd_64m
tar_roundtrip append rename_over_open unlink_open unlink_open_fstat xattr flock fcntl_lock flock_2mounts
fcntl_lock_2mounts df mmap_read mmap_write"

for f in /suite/extra/*.sh; do [ -f "$f" ] && . "$f"; done

if [ "$1" = __check ]; then
  # one check in its own process: env from the runner, cwd = its dir on the mount
  name=$2
  cd "$D" || fail "cannot cd to $D"
  if type "check_$name" 2>/dev/null | grep -q function; then "check_$name"; else "$name"; fi
  exit 0
fi

param() {  # param NAME DEFAULT: value of ninep.NAME= on the kernel command line
  for w in $(cat /proc/cmdline); do
    case "$w" in "ninep.$1="*) echo "${w#*=}"; return ;; esac
  done
  echo "$2"
}

PORT=$(param port 564)
HOST=$(param host 10.0.2.2)
CACHE=$(param cache none)
MSIZE=$(param msize 1048576)
ANAME=$(param aname "")
OPTS=$(param opts "")
RUN=$(param run "ninep-run-$(date +%s)-$$")
CHECKS=$(param checks all)
EXTRA=$(param extra "")
TIMEOUT=$(param timeout 120)
KEEP=$(param keep 1)
MNT=/mnt
MOUNT_OPTS="trans=tcp,port=$PORT,version=9p2000.L,msize=$MSIZE,cache=$CACHE"
[ -n "$ANAME" ] && MOUNT_OPTS="$MOUNT_OPTS,aname=$ANAME"
[ -n "$OPTS" ] && MOUNT_OPTS="$MOUNT_OPTS,$OPTS"
W=$MNT/$RUN
export PORT HOST CACHE MNT W MOUNT_OPTS

PASSED=0
FAILED=0
result() {  # result NAME PASS|FAIL [reason]
  if [ "$2" = PASS ]; then PASSED=$((PASSED + 1)); echo "NINEP-CHECK $1 PASS"
  else FAILED=$((FAILED + 1)); echo "NINEP-CHECK $1 FAIL $(echo "$3" | tr -s '\n\r\t' '   ' | cut -c1-300)"; fi
}

run_check() {
  name=$1
  T=/tmp/checks/$name; REL=$RUN/$name; D=$W/$name
  rm -rf "$T"; mkdir -p "$T"
  if ! mkdir "$D" 2>"$T/.mkdir"; then
    result "$name" FAIL "cannot create check dir: $(cat "$T/.mkdir")"; return
  fi
  tmo=$TIMEOUT
  eval "[ -n \"\${timeout_$name:-}\" ] && tmo=\${timeout_$name}"
  start=$(cut -d' ' -f1 /proc/uptime)
  # own session/process group, so a timeout kills the check and everything it started
  T=$T REL=$REL D=$D setsid sh "$SELF" __check "$name" > "$T/.log" 2>&1 < /dev/null &
  pid=$!
  (sleep "$tmo"; touch "$T/.timedout"; kill -KILL -- "-$pid" "$pid") > /dev/null 2>&1 &
  watchdog=$!
  wait $pid
  rc=$?
  kill $watchdog 2>/dev/null
  kill -KILL -- "-$pid" 2>/dev/null   # leftovers of a finished check (background children)
  grep -q ' /mnt2 ' /proc/mounts && umount -l /mnt2
  end=$(cut -d' ' -f1 /proc/uptime)
  [ -f "$T/.emit" ] && cat "$T/.emit"
  if [ $rc = 0 ]; then
    result "$name" PASS
  else
    if [ -e "$T/.timedout" ]; then reason="timeout after ${tmo}s (killed)"
    elif [ -s "$T/.reason" ]; then reason=$(cat "$T/.reason")
    else reason="exit status $rc: $(tail -n 1 "$T/.log")"; fi
    result "$name" FAIL "$reason"
    tail -n 20 "$T/.log" | sed "s/^/NINEP-LOG $name: /"
  fi
  echo "NINEP-INFO time $name $(awk "BEGIN{printf \"%.1f\", $end - $start}")s"
}

selected() {  # is standard check $1 selected by ninep.checks?
  [ "$CHECKS" = all ] && return 0
  case ",$CHECKS," in *",$1,"*) return 0 ;; esac
  return 1
}

dmesg -c > /dev/null 2>&1
echo "NINEP-INFO suite start $(cut -d' ' -f1 /proc/uptime) opts=$MOUNT_OPTS host=$HOST run=$RUN"
mkdir -p $MNT
if ! mount -t 9p -o "$MOUNT_OPTS" "$HOST" "$MNT" 2>/tmp/mount.err; then
  result mount FAIL "$(cat /tmp/mount.err)"
  dmesg | tail -n 20 | sed 's/^/NINEP-LOG dmesg: /'
  echo "NINEP-DONE $PASSED $FAILED"
  exit 0
fi
result mount PASS
if ! mkdir -p "$W"; then
  result workdir FAIL "cannot create $W"
else
  echo "NINEP-WORKDIR $RUN"
  for c in $STANDARD; do
    case "$c" in
      # cache=none maps files read-only (generic_file_readonly_mmap): run only if asked for by name
      mmap_write) [ "$CACHE" = none ] && [ "$CHECKS" = all ] && continue ;;
    esac
    selected "$c" && run_check "$c"
  done
  for e in $(echo "$EXTRA" | tr ',' ' '); do
    if type "check_$e" 2>/dev/null | grep -q function || type "$e" 2>/dev/null | grep -q function; then
      run_check "$e"
    else
      result "$e" FAIL "no such scenario function in the guest"
    fi
  done
  if [ "$KEEP" = 0 ]; then rm -rf "$W"; fi
fi

cd /
if umount "$MNT" 2>/tmp/umount.err && ! grep -q " $MNT 9p " /proc/mounts; then
  result umount PASS
else
  result umount FAIL "$(cat /tmp/umount.err)"
fi
if [ "$FAILED" -gt 0 ]; then  # kernel messages since the suite started
  dmesg | tail -n 30 | sed 's/^/NINEP-LOG dmesg: /'
fi
echo "NINEP-INFO suite end $(cut -d' ' -f1 /proc/uptime)"
echo "NINEP-DONE $PASSED $FAILED"
