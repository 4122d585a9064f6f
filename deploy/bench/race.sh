#!/usr/bin/env bash
# The performance race of ninep against diod (issue 8): the same export directory on the same machine,
# every workload of io.ninep.bench.Bench at every connections x outstanding cell, against each server in
# turn, then a table of both results and their ratio. Raw JSON and TSV land in deploy/bench/results/<date>/.
#
#   deploy/bench/race.sh            the matrix (about 25 minutes with the defaults)
#   deploy/bench/race.sh --soak     5 minutes of mixed load on ninep alone, its RSS sampled every 10 s
#   deploy/bench/race.sh --profile  JFR recordings of ninep under read and under meta, summarized
#   deploy/bench/race.sh --table DIR   the side-by-side table of an earlier race, again
#
# Overrides (environment): WARMUP=3s DURATION=8s CONNECTIONS="1 4 32" OUTSTANDING="1 16"
#   WORKLOADS="read write randread meta create mixed" MSIZE=1048576
#   MATCHED_MSIZE=65536 (read, write and mixed again at diod's msize cap; empty to skip)
#   ABBA_WORKLOADS=create (cells run diod, ninep, ninep, diod and the table shows each server's mean)
#   PRIME_DURATION=20s (untimed load on each server before the matrix) SOAK_DURATION=300s
#   PROFILE_DURATION=30s PROFILE_CELLS="read 4 16,meta 32 16" (workload connections outstanding) EXPORT_DIR=/tmp/ninep-race-export RESULTS=deploy/bench/results/<date>-<mode>
#   NINEP_PORT=5650 DIOD_PORT=5651 NINEP_JAVA_OPTS=-Xmx614m BENCH_JAVA_OPTS=-XX:+UseParallelGC SKIP_BUILD=1 (use the jar built).
# Needs root (diod switches to the attaching user) and Debian/Ubuntu for apt-get install of diod and iperf3.
set -euo pipefail
cd "$(dirname "$0")/../.."

MODE=race
case "${1:-}" in
    "") ;;
    --soak) MODE=soak ;;
    --profile) MODE=profile ;;
    --table) MODE=table; RESULTS=${2:?--table needs a results directory} ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "race.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
esac

WARMUP=${WARMUP:-3s}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-1 4 32}
OUTSTANDING=${OUTSTANDING:-1 16}
WORKLOADS=${WORKLOADS:-read write randread meta create mixed}
MSIZE=${MSIZE:-1048576}
MATCHED_MSIZE=${MATCHED_MSIZE-65536}
# A create cell leaves the next one slower, whichever server runs it: ext4 will not reuse an inode freed
# in the last 60-300 s, and its allocator scans past every one (recently_deleted() in a perf profile).
# Running such cells as diod, ninep, ninep, diod gives both servers the same history.
ABBA_WORKLOADS=${ABBA_WORKLOADS-create}
SOAK_DURATION=${SOAK_DURATION:-300s}
PROFILE_DURATION=${PROFILE_DURATION:-30s}
PROFILE_CELLS=${PROFILE_CELLS:-read 4 16,meta 32 16}
EXPORT_DIR=${EXPORT_DIR:-/tmp/ninep-race-export}
STAMP=$(date +%Y-%m-%d-%H%M)
RESULTS=${RESULTS:-deploy/bench/results/$STAMP-$MODE}
NINEP_PORT=${NINEP_PORT:-5650}
DIOD_PORT=${DIOD_PORT:-5651}
IPERF_PORT=${IPERF_PORT:-5652}
# The heap of the Helm chart's default pod (60 % of a 1 GiB limit), not the JVM's quarter of the machine.
NINEP_JAVA_OPTS=${NINEP_JAVA_OPTS--Xmx614m}
# The load generator's collector: with G1 every 1 MiB Rread array was a humongous object in the client,
# which then spent more CPU per byte on ninep's 1 MiB replies than on diod's 64 KiB ones.
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:+UseParallelGC}
JFR=${JFR:-$(ls /usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr 2>/dev/null || command -v jfr || true)}

need() {
    local missing=()
    for tool in "$@"; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    if ((${#missing[@]})); then
        echo "installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
            || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; }
    fi
}

prepare_host() {
    if [[ $EUID -ne 0 ]]; then
        echo "race.sh: run as root (diod serves each attaching user by switching to it)" >&2
        exit 2
    fi
    need diod iperf3
    if [[ -z ${SKIP_BUILD:-} || ! -f target/quarkus-app/quarkus-run.jar ]]; then
        echo "building ninep"
        ./mvnw -q -B package -DskipTests
    fi
    mkdir -p "$RESULTS" "$EXPORT_DIR"
    EXPORT_DIR=$(realpath "$EXPORT_DIR")
}

TSV=$RESULTS/results.tsv
STARTED=()

stop_servers() {
    for pid in "${STARTED[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${STARTED[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    STARTED=()
}
trap stop_servers EXIT

wait_for_port() {
    local port=$1 pid=$2
    for _ in $(seq 1 300); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            return 0
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "race.sh: the server on port $port exited during startup; see $RESULTS/*.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "race.sh: nothing listens on port $port after 30 s" >&2
    exit 1
}

start_diod() {
    diod -f -n -l "127.0.0.1:$DIOD_PORT" -e "$EXPORT_DIR" -c /dev/null >"$RESULTS/diod.log" 2>&1 &
    DIOD_PID=$!
    STARTED+=("$DIOD_PID")
    wait_for_port "$DIOD_PORT" "$DIOD_PID"
}

# $1: extra JVM options (JFR), $2: log file name.
start_ninep() {
    # shellcheck disable=SC2086 # option lists are meant to split
    java $NINEP_JAVA_OPTS ${1:-} -Dninep.host=127.0.0.1 -Dninep.port="$NINEP_PORT" \
        -Dninep.exports.default.type=local -Dninep.exports.default.path="$EXPORT_DIR" -Dquarkus.http.port=0 \
        -jar target/quarkus-app/quarkus-run.jar >"$RESULTS/${2:-ninep.log}" 2>&1 &
    NINEP_PID=$!
    STARTED+=("$NINEP_PID")
    wait_for_port "$NINEP_PORT" "$NINEP_PID"
}

# $1 label, $2 port, $3 pid, $4 workload, $5 connections, $6 outstanding, $7 msize, rest: extra bench options.
bench() {
    local label=$1 port=$2 pid=$3 workload=$4 c=$5 n=$6 msize=$7
    shift 7
    local name="$label-$workload-m$msize-c$c-n$n"
    echo "== $name"
    # shellcheck disable=SC2086
    java $BENCH_JAVA_OPTS -cp "target/quarkus-app/app/*" io.ninep.bench.Bench \
        --host 127.0.0.1 --port "$port" --aname "$EXPORT_DIR" --label "$label" --server-pid "$pid" \
        --workload "$workload" --connections "$c" --outstanding "$n" --msize "$msize" \
        --warmup "$WARMUP" --duration "$DURATION" --json "$RESULTS/$name.json" --tsv "$TSV" "$@" \
        2>"$RESULTS/$name.progress" | tee "$RESULTS/$name.txt" | sed -n '1p;2p;/^total\|^read\|^write\|^randread\|^meta\|^create/p'
}

# Untimed mixed load, so both servers start the matrix warm (JIT-compiled, caches filled) as a
# long-running server would be; results go to prime-*.json only.
prime() {
    local label=$1 port=$2 pid=$3
    echo "== priming $label (mixed, 4 x 16, ${PRIME_DURATION:-20s})"
    # shellcheck disable=SC2086
    java $BENCH_JAVA_OPTS -cp "target/quarkus-app/app/*" io.ninep.bench.Bench \
        --host 127.0.0.1 --port "$port" --aname "$EXPORT_DIR" --label "$label" --server-pid "$pid" \
        --workload mixed --connections 4 --outstanding 16 --msize "$MSIZE" --warmup 0s \
        --duration "${PRIME_DURATION:-20s}" --json "$RESULTS/prime-$label.json" 2>/dev/null | sed -n '1p'
}

describe_machine() {
    {
        echo "date: $(date -Is)"
        echo "uptime at start: $(uptime)"
        echo "nproc: $(nproc)"
        lscpu | head -15
        free -m
        echo "kernel: $(uname -r)"
        echo "java: $(java -version 2>&1 | head -1)"
        echo "diod: $(dpkg-query -W -f '${Version}' diod 2>/dev/null || echo unknown)"
        echo "export: $EXPORT_DIR on $(df -T "$EXPORT_DIR" | awk 'NR==2 {print $2 " (" $1 ")"}')"
        echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
        case $MODE in
            race) echo "cells: warmup $WARMUP, duration $DURATION, msize $MSIZE (and $MATCHED_MSIZE), connections [$CONNECTIONS], outstanding [$OUTSTANDING]" ;;
            soak) echo "soak: mixed, 4 connections x 16 outstanding, msize $MSIZE, $SOAK_DURATION, ninep options [$NINEP_JAVA_OPTS]" ;;
            profile) echo "profile: $PROFILE_CELLS (workload connections outstanding), msize $MSIZE, $PROFILE_DURATION each" ;;
        esac
    } >"$RESULTS/machine.txt"
    cat "$RESULTS/machine.txt"
}

loopback_bandwidth() {
    iperf3 -s -1 -p "$IPERF_PORT" >/dev/null 2>&1 &
    local server=$!
    sleep 0.5
    iperf3 -c 127.0.0.1 -p "$IPERF_PORT" -t 5 -J >"$RESULTS/iperf3.json"
    wait "$server" || true
    # The receiver's view, in 10^6 bytes per second like the bench's MB/s.
    LOOPBACK_MBS=$(awk -F':' '/"sum_received"/ { inside = 1 }
        inside && /"bits_per_second"/ { gsub(/[^0-9.]/, "", $2); printf "%.0f", $2 / 8e6; exit }' "$RESULTS/iperf3.json")
    echo "loopback TCP (iperf3, 1 stream, 5 s): $LOOPBACK_MBS MB/s" | tee -a "$RESULTS/machine.txt"
}

# The side-by-side table from the TSV: one line per cell (workload, offered msize, connections,
# outstanding) with diod's and ninep's results and the ratios ninep/diod. A server measured more than
# once in a cell (ABBA_WORKLOADS) shows the mean of its runs, and any failed outcome.
race_table() {
    awk -F'\t' -v loopback="$LOOPBACK_MBS" '
        function ratio(x, y) { return (y + 0 > 0) ? sprintf("%.2f", x / y) : "-" }
        function size(m) { return m >= 1048576 ? (m / 1048576) "M" : (m / 1024) "K" }
        NR == 1 { next }
        {
            cell = $2 "@" size($5) SUBSEP $3 SUBSEP $4
            key = $1 SUBSEP cell
            runs[key]++
            if (runs[key] == 1) {
                row[key] = $0
            } else {
                split(row[key], old, "\t")
                for (f = 8; f <= 16; f++) old[f] = (old[f] * (runs[key] - 1) + $f) / runs[key]
                if ($7 != "ok") old[7] = $7
                line = old[1]
                for (f = 2; f <= NF; f++) line = line "\t" old[f]
                row[key] = line
            }
            if (!(cell in seen)) { seen[cell] = 1; order[++n] = cell }
        }
        END {
            printf "%-13s %3s %3s | %5s %9s %7s %8s %8s %7s | %5s %9s %7s %8s %8s %7s | %6s %6s %6s %6s\n",
                "workload", "C", "N", "msize", "diod op/s", "MB/s", "p99 ms", "cpu us", "RSS MiB",
                "msize", "ninep op/s", "MB/s", "p99 ms", "cpu us", "RSS MiB", "op/s x", "MB/s x", "p99 x", "cpu x"
            for (i = 1; i <= n; i++) {
                split(order[i], k, SUBSEP)
                d = row["diod", order[i]]; m = row["ninep", order[i]]
                if (d == "" || m == "") continue
                split(d, a, "\t"); split(m, b, "\t")
                printf "%-13s %3s %3s | %5s %9.0f %7.1f %8.2f %8.1f %7.1f | %5s %9.0f %7.1f %8.2f %8.1f %7.1f | %6s %6s %6s %6s%s\n",
                    k[1], k[2], k[3], size(a[6]), a[8], a[9], a[11] / 1000, a[16], a[13] / 1024,
                    size(b[6]), b[8], b[9], b[11] / 1000, b[16], b[13] / 1024,
                    ratio(b[8], a[8]), ratio(b[9], a[9]), ratio(b[11], a[11]), ratio(b[16], a[16]),
                    (a[7] != "ok" || b[7] != "ok") ? "  (diod " a[7] ", ninep " b[7] ")" : ""
            }
            print "Ratios are ninep/diod. cpu us: server CPU time per operation (lower is better, and robust to"
            print "other load on the machine); p99 x: lower is better. msize: what the server agreed to."
            if (loopback > 0) printf "Loopback TCP (iperf3, one stream): %d MB/s.\n", loopback
        }
    ' "$TSV"
}

run_race() {
    describe_machine
    loopback_bandwidth
    start_diod
    start_ninep
    echo "diod pid $DIOD_PID, ninep pid $NINEP_PID; results in $RESULTS"
    rm -rf "$EXPORT_DIR/ninep-bench/create"
    # Dentries and inodes an earlier run left behind (hundreds of thousands after create cells) slow
    # lookups for both servers; start from the kernel caches a fresh machine has.
    sync
    echo 2 >/proc/sys/vm/drop_caches
    prime diod "$DIOD_PORT" "$DIOD_PID"
    prime ninep "$NINEP_PORT" "$NINEP_PID"
    local cell=0 msizes
    for workload in $WORKLOADS; do
        msizes=$MSIZE
        if [[ -n $MATCHED_MSIZE && ($workload == read || $workload == write || $workload == mixed) ]]; then
            msizes="$MSIZE $MATCHED_MSIZE"
        fi
        for msize in $msizes; do
            for c in $CONNECTIONS; do
                for n in $OUTSTANDING; do
                    # Alternate which server goes first, so drift in the machine's load favours neither.
                    if [[ " $ABBA_WORKLOADS " == *" $workload "* ]]; then
                        bench diod "$DIOD_PORT" "$DIOD_PID" "$workload" "$c" "$n" "$msize" || true
                        bench ninep "$NINEP_PORT" "$NINEP_PID" "$workload" "$c" "$n" "$msize" || true
                        bench ninep "$NINEP_PORT" "$NINEP_PID" "$workload" "$c" "$n" "$msize" || true
                        bench diod "$DIOD_PORT" "$DIOD_PID" "$workload" "$c" "$n" "$msize" || true
                    elif ((cell++ % 2 == 0)); then
                        bench diod "$DIOD_PORT" "$DIOD_PID" "$workload" "$c" "$n" "$msize" || true
                        bench ninep "$NINEP_PORT" "$NINEP_PID" "$workload" "$c" "$n" "$msize" || true
                    else
                        bench ninep "$NINEP_PORT" "$NINEP_PID" "$workload" "$c" "$n" "$msize" || true
                        bench diod "$DIOD_PORT" "$DIOD_PID" "$workload" "$c" "$n" "$msize" || true
                    fi
                done
            done
        done
    done
    echo "uptime at end: $(uptime)" | tee -a "$RESULTS/machine.txt"
    race_table | tee "$RESULTS/race.txt"
}

run_soak() {
    describe_machine
    start_ninep
    echo "ninep pid $NINEP_PID; mixed load for $SOAK_DURATION, RSS every 10 s"
    DURATION=$SOAK_DURATION bench ninep "$NINEP_PORT" "$NINEP_PID" mixed 4 16 "$MSIZE" --rss-interval 10s
    sed -n '/^server rss samples/p' "$RESULTS"/ninep-mixed-*.txt
    echo "uptime at end: $(uptime)" | tee -a "$RESULTS/machine.txt"
}

# One JFR recording per workload, then where the samples fall: hot methods, threads, allocations.
run_profile() {
    [[ -x $JFR ]] || { echo "race.sh: no jfr tool found (set JFR=/path/to/jdk/bin/jfr)" >&2; exit 2; }
    describe_machine
    local seconds=${PROFILE_DURATION%s}
    local IFS=,
    local cells=($PROFILE_CELLS)
    unset IFS
    for spec in "${cells[@]}"; do
        set -- $spec
        stop_servers
        start_ninep "-XX:StartFlightRecording=filename=$RESULTS/ninep-$1.jfr,settings=profile" "ninep-$1.log"
        WARMUP=3s DURATION=$((seconds - 3))s bench ninep "$NINEP_PORT" "$NINEP_PID" "$1" "$2" "$3" "$MSIZE" || true
        stop_servers
        {
            "$JFR" view --width 160 hot-methods "$RESULTS/ninep-$1.jfr"
            "$JFR" view --width 160 cpu-time-hot-methods "$RESULTS/ninep-$1.jfr" 2>/dev/null || true
            "$JFR" view --width 160 thread-cpu-load "$RESULTS/ninep-$1.jfr"
            "$JFR" view --width 160 allocation-by-site "$RESULTS/ninep-$1.jfr"
            "$JFR" view --width 160 gc "$RESULTS/ninep-$1.jfr" | head -20
        } >"$RESULTS/ninep-$1.profile.txt" 2>&1
        head -40 "$RESULTS/ninep-$1.profile.txt"
    done
}

case $MODE in
    table)
        LOOPBACK_MBS=$(sed -n 's/^loopback TCP.*: \([0-9]*\) MB\/s.*/\1/p' "$RESULTS/machine.txt" | head -1)
        race_table ;;
    race) prepare_host; run_race ;;
    soak) prepare_host; run_soak ;;
    profile) prepare_host; run_profile ;;
esac
