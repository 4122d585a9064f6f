package io.ninep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What Linux's /proc tells about a server process and the machine. */
final class Procfs {

    /** A process's resident set now and at its peak, in KiB (proc(5): VmRSS, VmHWM). */
    record Memory(long rssKiB, long peakRssKiB) {
    }

    private static final int USER_HZ = 100;
    /** utime is field 14 of /proc/PID/stat; counted from field 3, the first after the command name. */
    private static final int UTIME_AFTER_COMM = 14 - 3;

    private Procfs() {
    }

    /** The memory of process {@code pid}; a process that is gone is a {@link BenchFailure}. */
    static Memory memoryOf(int pid) {
        Path status = Path.of("/proc", Integer.toString(pid), "status");
        try {
            return parseStatus(Files.readAllLines(status));
        } catch (IOException e) {
            throw new BenchFailure("cannot read " + status + " (has the server with pid " + pid + " exited?): "
                    + e.getMessage(), e);
        }
    }

    /**
     * CPU time process {@code pid} has used so far, user plus system, in nanoseconds (proc(5): utime and
     * stime of /proc/PID/stat, in USER_HZ ticks, which Linux fixes at 100 per second for user space).
     */
    static long cpuNanosOf(int pid) {
        Path stat = Path.of("/proc", Integer.toString(pid), "stat");
        try {
            return parseStat(Files.readString(stat));
        } catch (IOException e) {
            throw new BenchFailure("cannot read " + stat + " (has the server with pid " + pid + " exited?): "
                    + e.getMessage(), e);
        }
    }

    static long parseStat(String stat) {
        // The command name (field 2) may hold spaces and parentheses; the fields after it cannot.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        long ticks = Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]);
        return ticks * (1_000_000_000L / USER_HZ);
    }

    /** The three load averages of /proc/loadavg, as written there, or "unknown" off Linux. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Memory parseStatus(List<String> lines) {
        long rss = -1;
        long peak = -1;
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line);
            }
        }
        if (rss < 0) {
            throw new BenchFailure("no VmRSS line in the process status (a kernel thread?)");
        }
        return new Memory(rss, peak < 0 ? rss : peak);
    }

    /** The number of a line such as {@code VmRSS:	  123456 kB}. */
    private static long kib(String line) {
        String[] fields = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(fields[0]);
    }
}
