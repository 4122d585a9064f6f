package io.ninep.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The command line of {@link Bench}. Every option has a default, so {@code --workload read} against a
 * local ninep on port 5640 is a complete command.
 *
 * @param serverPid   process whose VmRSS is reported, or 0 for none
 * @param rssInterval how often that RSS is sampled during the run, or null for only at the end
 * @param json        file the machine-readable result is written to, or null
 * @param tsv         file a one-line summary is appended to, or null
 * @param label       one word naming the server under test in the results, e.g. {@code ninep}
 */
public record BenchOptions(String host, int port, String aname, String uname, int uid, int gid, int msize,
                           Workload workload, int connections, int outstanding, Duration warmup, Duration duration,
                           long fileSize, int files, String dir, Duration stallTimeout,
                           int serverPid, Duration rssInterval, Path json, Path tsv, String label) {

    static final String USAGE = """
            usage: bench [options]
              --host HOST          server address (127.0.0.1)
              --port PORT          9P port (5640)
              --aname NAME         export to attach; diod wants the exported path (empty: server default)
              --uname NAME         user name in Tattach (this process's user)
              --uid N              n_uname in Tattach (this process's uid)
              --gid N              gid in Tlcreate (this process's gid)
              --msize BYTES        msize offered in Tversion; reads and writes use msize-24 (1048576)
              --workload W         read | write | randread | meta | create | mixed (read)
              --connections C      TCP connections, each its own 9P session (1)
              --outstanding N      requests in flight per connection (1)
              --warmup T           unmeasured run before measuring, e.g. 5s, 500ms (5s)
              --duration T         measured run (20s)
              --file-size BYTES    per-connection file for read, write, randread; K/M/G suffixes (16M)
              --files N            files in the pool that meta walks (1000)
              --dir NAME           directory in the export holding the bench's files (ninep-bench)
              --stall-timeout T    fail when no reply arrives for this long (30s)
              --server-pid PID     report this process's resident memory (VmRSS) at the end
              --rss-interval T     also sample that memory every T during the run
              --json FILE          write the result as JSON
              --tsv FILE           append a one-line tab-separated summary (header first if new)
              --label TEXT         name of the server under test, for the JSON and TSV (server)
            Progress goes to stderr, the result table to stdout. Exit status: 0 success, 1 any error
            (Rlerror, lost connection, stall), 2 bad usage, 130 interrupted.""";

    public BenchOptions {
        require(port > 0 && port < 65536, "--port must be within 1..65535");
        require(msize >= 4096, "--msize must be at least 4096");
        require(connections >= 1 && connections <= 1024, "--connections must be within 1..1024");
        require(outstanding >= 1 && outstanding <= 1024, "--outstanding must be within 1..1024");
        require(!warmup.isNegative(), "--warmup must not be negative");
        require(duration.toMillis() >= 100, "--duration must be at least 100ms");
        require(fileSize >= 4096 && fileSize % 4096 == 0, "--file-size must be a multiple of 4096");
        require(files >= 1, "--files must be at least 1");
        require(!dir.isEmpty() && !dir.contains("/") && !dir.equals(".") && !dir.equals(".."),
                "--dir must be a single file name");
        require(stallTimeout.toMillis() >= 100, "--stall-timeout must be at least 100ms");
        require(rssInterval == null || serverPid > 0, "--rss-interval needs --server-pid");
        require(rssInterval == null || rssInterval.toMillis() >= 100, "--rss-interval must be at least 100ms");
        require(!label.isEmpty() && label.chars().noneMatch(Character::isWhitespace), "--label must be one word");
    }

    /** Parses {@code args}; a mistake is an {@link IllegalArgumentException} whose message names the option. */
    public static BenchOptions parse(String[] args, String defaultUser, int defaultUid, int defaultGid) {
        String host = "127.0.0.1";
        int port = 5640;
        String aname = "";
        String uname = defaultUser;
        int uid = defaultUid;
        int gid = defaultGid;
        int msize = 1 << 20;
        Workload workload = Workload.READ;
        int connections = 1;
        int outstanding = 1;
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(20);
        long fileSize = 16L << 20;
        int files = 1000;
        String dir = "ninep-bench";
        Duration stallTimeout = Duration.ofSeconds(30);
        int serverPid = 0;
        Duration rssInterval = null;
        Path json = null;
        Path tsv = null;
        String label = "server";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--host" -> host = value;
                case "--port" -> port = integer(option, value);
                case "--aname" -> aname = value;
                case "--uname" -> uname = value;
                case "--uid" -> uid = integer(option, value);
                case "--gid" -> gid = integer(option, value);
                case "--msize" -> msize = (int) Math.min(Integer.MAX_VALUE, size(option, value));
                case "--workload" -> workload = Workload.parse(value);
                case "--connections" -> connections = integer(option, value);
                case "--outstanding" -> outstanding = integer(option, value);
                case "--warmup" -> warmup = duration(option, value);
                case "--duration" -> duration = duration(option, value);
                case "--file-size" -> fileSize = size(option, value);
                case "--files" -> files = integer(option, value);
                case "--dir" -> dir = value;
                case "--stall-timeout" -> stallTimeout = duration(option, value);
                case "--server-pid" -> serverPid = integer(option, value);
                case "--rss-interval" -> rssInterval = duration(option, value);
                case "--json" -> json = Path.of(value);
                case "--tsv" -> tsv = Path.of(value);
                case "--label" -> label = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new BenchOptions(host, port, aname, uname, uid, gid, msize, workload, connections, outstanding,
                warmup, duration, fileSize, files, dir, stallTimeout, serverPid, rssInterval, json, tsv, label);
    }

    /** Parses {@code 250ms}, {@code 5s}, {@code 2m}; a bare number is seconds. */
    static Duration duration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a duration such as 500ms, 5s or 2m");
        }
    }

    /** Parses a byte count with an optional binary suffix: {@code 4096}, {@code 64K}, {@code 16M}, {@code 1G}. */
    static long size(String option, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        int shift = 0;
        if (t.endsWith("K")) {
            shift = 10;
        } else if (t.endsWith("M")) {
            shift = 20;
        } else if (t.endsWith("G")) {
            shift = 30;
        }
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        try {
            long value = Long.parseLong(digits);
            if (value < 0 || value > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return value << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a size such as 4096, 64K or 16M");
        }
    }

    private static int integer(String option, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not an integer");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** {@code --help} was given: print {@link #USAGE} and exit successfully. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help requested", null, false, false);
        }
    }
}
