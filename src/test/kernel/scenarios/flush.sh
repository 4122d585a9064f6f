# Extra scenario for the flush issue: the host delays every Tread of the export by 60 s, so `cat` blocks in
# the kernel waiting for Rread. SIGKILL makes the kernel send Tflush; the process must be gone within
# seconds and the mount must keep working. Nothing here may read file data (reads are delayed).
timeout_read_killed_by_sigkill=50
read_killed_by_sigkill() {
  echo payload > slow || fail "cannot create the file to read"
  cat slow > /dev/null 2>&1 &
  pid=$!
  sleep 3
  kill -0 "$pid" 2>/dev/null || fail "reader finished although its read is delayed 60 s"
  kill -9 "$pid"
  t=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    t=$((t + 1))
    [ "$t" -gt 10 ] && fail "reader still alive 10 s after SIGKILL"
  done
  emit "NINEP-INFO reader-gone-after ${t}s"
  echo still-works > after || fail "mount dead after SIGKILL"
  [ -e after ] || fail "new file not visible after SIGKILL"
  mkdir d-after || fail "mkdir failed after SIGKILL"
}
