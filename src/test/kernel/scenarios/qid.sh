# Extra scenario for qid paths across devices (LESSONS.md §3). The host exports a directory with two fresh
# tmpfs mounts, t1 and t2, each holding a file f written before the boot: on the host both files have the same
# inode number. The client derives inode numbers from qid.path, so they must differ here, and with cache=loose
# a collision would make the kernel hand out the wrong cached inode (t2/f showing t1/f's content).
timeout_qid_two_tmpfs=60
qid_two_tmpfs() {
  a=$(stat -c %i "$MNT/t1/f") || fail "cannot stat t1/f"
  b=$(stat -c %i "$MNT/t2/f") || fail "cannot stat t2/f"
  emit "NINEP-INFO qid t1/f=$a t2/f=$b"
  [ "$a" != "$b" ] || fail "t1/f and t2/f share inode number $a"
  ra=$(stat -c %i "$MNT/t1") || fail "cannot stat t1"
  rb=$(stat -c %i "$MNT/t2") || fail "cannot stat t2"
  [ "$ra" != "$rb" ] || fail "the roots of the two mounts share inode number $ra"
  expect "$(cat "$MNT/t1/f")" "on t1" "content of t1/f"
  expect "$(cat "$MNT/t2/f")" "on t2" "content of t2/f"
  echo "new on t1" > "$MNT/t1/g" || fail "cannot create t1/g"
  echo "new on t2" > "$MNT/t2/g" || fail "cannot create t2/g"
  na=$(stat -c %i "$MNT/t1/g")
  nb=$(stat -c %i "$MNT/t2/g")
  [ "$na" != "$nb" ] || fail "t1/g and t2/g share inode number $na"
  drop_caches
  expect "$(cat "$MNT/t2/g")" "new on t2" "content of t2/g after dropping caches"
  expect "$(stat -c %i "$MNT/t2/g")" "$nb" "inode number of t2/g after dropping caches"
  if ls -a "$MNT" | grep -q ninep-qid; then fail "the qid table is visible in the export root"; fi
}
