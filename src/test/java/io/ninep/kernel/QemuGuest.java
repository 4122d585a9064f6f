package io.ninep.kernel;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boots a real Linux kernel under qemu (TCG), which mounts a 9P server listening on the host's
 * 127.0.0.1:port (the guest reaches it as 10.0.2.2) and runs {@code src/test/kernel/guest-suite.sh}.
 * The serial console is written to {@code target/kernel-logs/} and parsed into a {@link Result}.
 *
 * <p>Plain JDK, no dependency on any server class: start the server yourself, then
 *
 * <pre>{@code
 * Assumptions.assumeTrue(QemuGuest.requireAvailable());   // fails instead of skipping when CI=true
 * QemuGuest.Result r = QemuGuest.forPort(port).cache("loose").run();
 * r.assertAllPassed();
 * }</pre>
 *
 * The kernel and initramfs are built once per JVM by {@code src/test/kernel/build-initramfs.sh}
 * (cached under {@code target/kernel}). Extra guest-side scenarios: {@link #extraScript} puts a
 * shell file into the guest's {@code /suite/extra/}, {@link #extra} names the functions to run.
 *
 * <p>System properties: {@code ninep.root} (project dir, default: found upwards from the working
 * dir), {@code ninep.kernel.cache} (default {@code <root>/target/kernel}); environment:
 * {@code NINEP_QEMU} (qemu binary), {@code NINEP_QEMU_ACCEL} (default {@code tcg}).
 */
public final class QemuGuest {

    /** Kernel and initramfs as built by build-initramfs.sh. */
    public record Images(Path vmlinuz, Path initramfs, String kernelPackage) {
    }

    /** One {@code NINEP-CHECK} line. */
    public record Check(String name, boolean passed, String reason) {
        @Override
        public String toString() {
            return name + (passed ? " PASS" : " FAIL " + reason);
        }
    }

    private static final String SCRIPT_DIR = "src/test/kernel";
    private static final Pattern CHECK = Pattern.compile("NINEP-CHECK (\\S+) (PASS|FAIL)(?: (.*))?");
    private static final Pattern SUM = Pattern.compile("NINEP-SUM (\\S+) ([0-9a-f]{64})");
    private static final Pattern DONE = Pattern.compile("NINEP-DONE (\\d+) (\\d+)");
    private static final Pattern WORKDIR = Pattern.compile("NINEP-WORKDIR (\\S+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static Images images;
    private static String unavailableReason;
    private static boolean probed;

    // ------------------------------------------------------------------ configuration
    private final int port;
    private String cache = "none";
    private String aname;
    private String mountOptions;
    private final List<String> checks = new ArrayList<>();
    private final List<String> extras = new ArrayList<>();
    private final Map<String, byte[]> extraScripts = new LinkedHashMap<>();
    private Duration timeout = Duration.ofMinutes(10);
    private Duration checkTimeout = Duration.ofSeconds(120);
    private String runId;
    private String logName;
    private int memoryMb = 1024;
    private int cpus = 1;
    private final List<String> kernelArgs = new ArrayList<>();
    private Consumer<String> lineListener = line -> { };

    private QemuGuest(int port) {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        this.port = port;
    }

    /** A guest that mounts the 9P server listening on the host's 127.0.0.1:{@code port}. */
    public static QemuGuest forPort(int port) {
        return new QemuGuest(port);
    }

    /** cache= mount option: none (default), loose, mmap, fscache. */
    public QemuGuest cache(String mode) {
        this.cache = word(mode, "cache");
        return this;
    }

    /** aname= mount option (default: none sent). */
    public QemuGuest aname(String aname) {
        this.aname = aname == null ? null : word(aname, "aname");
        return this;
    }

    /** Extra mount options appended to the standard ones, e.g. {@code "access=user,uname=bob"}. */
    public QemuGuest mountOptions(String options) {
        this.mountOptions = options == null ? null : word(options, "mount options");
        return this;
    }

    /**
     * Only these standard checks (names as in guest-suite.sh's STANDARD list); the mount and
     * umount checks always run. With no names given, no standard check runs (only extras).
     */
    public QemuGuest checks(String... names) {
        checks.clear();
        for (String n : names) {
            checks.add(identifier(n));
        }
        if (names.length == 0) {
            checks.add("none");
        }
        return this;
    }

    /** Scenario functions to run after the standard checks (defined in the suite or an extra script). */
    public QemuGuest extra(String... functionNames) {
        for (String n : functionNames) {
            extras.add(identifier(n));
        }
        return this;
    }

    /** A shell file for the guest's /suite/extra/ (sourced by the suite; define functions there). */
    public QemuGuest extraScript(Path file) {
        try {
            return extraScript(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shell file for the guest's /suite/extra/, given as text. */
    public QemuGuest extraScript(String fileName, String content) {
        return extraScript(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    private QemuGuest extraScript(String fileName, byte[] content) {
        String base = fileName.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!base.endsWith(".sh")) {
            base += ".sh";
        }
        extraScripts.put(String.format("%02d-%s", extraScripts.size() + 1, base), content);
        return this;
    }

    /** Whole-run limit; qemu is killed when it is exceeded (default 10 min). */
    public QemuGuest timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** Per-check limit inside the guest; a check that exceeds it is SIGKILLed (default 120 s). */
    public QemuGuest checkTimeout(Duration timeout) {
        this.checkTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** Name of the work dir the guest creates under the mount root (default: unique per run). */
    public QemuGuest runId(String runId) {
        if (!runId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("run id must match [A-Za-z0-9_.-]+: '" + runId + "'");
        }
        this.runId = runId;
        return this;
    }

    /** Base name of the console log under target/kernel-logs/ (default: derived from the options). */
    public QemuGuest logName(String name) {
        this.logName = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return this;
    }

    public QemuGuest memoryMb(int mb) {
        this.memoryMb = mb;
        return this;
    }

    public QemuGuest cpus(int n) {
        this.cpus = n;
        return this;
    }

    /** A raw word for the kernel command line, e.g. {@code "ninep.keep=0"}. */
    public QemuGuest kernelArg(String arg) {
        kernelArgs.add(word(arg, "kernel argument"));
        return this;
    }

    /** Called with every console line (from the reader thread), e.g. to react to guest progress. */
    public QemuGuest onLine(Consumer<String> listener) {
        this.lineListener = Objects.requireNonNull(listener);
        return this;
    }

    // ------------------------------------------------------------------ availability
    /** True when {@code CI=true} in the environment: unavailability must then fail, not skip. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Whether qemu and the kernel + initramfs can be had (builds them on the first call). */
    public static synchronized boolean available() {
        probe();
        return images != null;
    }

    /** Why {@link #available()} is false, or null. */
    public static synchronized String unavailableReason() {
        probe();
        return unavailableReason;
    }

    /**
     * For a test's assumption: true when available; otherwise prints a loud message and returns
     * false, or, when {@code CI=true}, throws an {@link AssertionError}.
     */
    public static boolean requireAvailable() {
        if (available()) {
            return true;
        }
        String msg = "real-kernel 9P tests cannot run: " + unavailableReason()
                + "\n  (install with src/test/kernel/install-deps.sh)";
        if (isCi()) {
            throw new AssertionError(msg + "\n  CI=true: this is a failure, not a skip");
        }
        System.err.println("\n" + "!".repeat(78) + "\n!!! SKIPPING " + msg + "\n" + "!".repeat(78) + "\n");
        return false;
    }

    /** The kernel + initramfs, built once per JVM; throws IllegalStateException when unavailable. */
    public static synchronized Images images() {
        probe();
        if (images == null) {
            throw new IllegalStateException(unavailableReason);
        }
        return images;
    }

    private static void probe() {
        if (probed) {
            return;
        }
        probed = true;
        try {
            if (qemuBinary() == null) {
                unavailableReason = System.getenv("NINEP_QEMU") != null
                        ? "NINEP_QEMU=" + System.getenv("NINEP_QEMU") + " is not executable"
                        : "qemu-system-x86_64 not found on PATH";
                return;
            }
            images = buildImages();
        } catch (Exception e) {
            unavailableReason = e.getMessage() != null ? e.getMessage() : e.toString();
        }
    }

    private static Images buildImages() throws IOException, InterruptedException {
        Path root = projectRoot();
        Path script = root.resolve(SCRIPT_DIR).resolve("build-initramfs.sh");
        Path cacheDir = Paths.get(System.getProperty("ninep.kernel.cache",
                root.resolve("target/kernel").toString())).toAbsolutePath();
        Path logDir = Files.createDirectories(root.resolve("target/kernel-logs"));
        Path buildLog = logDir.resolve("build-initramfs.log");
        Process p = new ProcessBuilder("bash", script.toString(), cacheDir.toString())
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(buildLog.toFile())
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("build-initramfs.sh timed out, see " + buildLog);
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                kv.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        if (p.exitValue() != 0 || !kv.containsKey("vmlinuz") || !kv.containsKey("initramfs")) {
            String tail = Files.exists(buildLog) ? lastLines(Files.readString(buildLog), 5) : "";
            throw new IOException("build-initramfs.sh failed (exit " + p.exitValue() + "): " + tail
                    + " [log: " + buildLog + "]");
        }
        Images im = new Images(Paths.get(kv.get("vmlinuz")), Paths.get(kv.get("initramfs")), kv.get("kernel"));
        if (!Files.isRegularFile(im.vmlinuz()) || !Files.isRegularFile(im.initramfs())) {
            throw new IOException("build-initramfs.sh reported missing files: " + kv);
        }
        return im;
    }

    private static String qemuBinary() {
        String explicit = System.getenv("NINEP_QEMU");
        if (explicit != null && !explicit.isBlank()) {
            return Files.isExecutable(Paths.get(explicit)) ? explicit : null;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : (path + ":/usr/bin:/usr/local/bin").split(":")) {
            if (!dir.isEmpty()) {
                Path candidate = Paths.get(dir, "qemu-system-x86_64");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    /** The project directory: {@code -Dninep.root}, else the nearest parent holding src/test/kernel. */
    public static Path projectRoot() {
        String prop = System.getProperty("ninep.root");
        if (prop != null) {
            return Paths.get(prop).toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SCRIPT_DIR).resolve("build-initramfs.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT_DIR + "/build-initramfs.sh above "
                + Paths.get("").toAbsolutePath() + " (set -Dninep.root)");
    }

    // ------------------------------------------------------------------ running
    /** Boots the guest, runs the suite and returns the parsed console; never throws on check failures. */
    public Result run() throws IOException, InterruptedException {
        Images im = images();
        Path root = projectRoot();
        Path logDir = Files.createDirectories(root.resolve("target/kernel-logs"));
        int n = RUNS.incrementAndGet();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String run = runId != null ? runId : "ninep-run-" + stamp + "-" + ProcessHandle.current().pid() + "-" + n;
        String base = logName != null ? logName
                : "guest-" + cache + (extras.isEmpty() ? "" : "-" + String.join("+", extras));
        Path log = logDir.resolve(base + "-" + stamp + "-" + n + ".log");

        Path initrd = Files.createTempFile(logDir, "initrd-", ".img");
        try {
            writeInitrd(im.initramfs(), suiteArchive(root), initrd);
            List<String> cmd = new ArrayList<>(List.of(
                    qemuBinary(),
                    "-accel", System.getenv().getOrDefault("NINEP_QEMU_ACCEL", "tcg"),
                    "-cpu", "max", "-smp", Integer.toString(cpus), "-m", Integer.toString(memoryMb),
                    "-nodefaults", "-display", "none", "-no-reboot", "-serial", "stdio",
                    "-netdev", "user,id=n0", "-device", "e1000,netdev=n0",
                    "-kernel", im.vmlinuz().toString(), "-initrd", initrd.toString(),
                    "-append", kernelCommandLine(run)));
            return boot(cmd, log, run);
        } finally {
            Files.deleteIfExists(initrd);
        }
    }

    String kernelCommandLine(String run) {
        StringBuilder sb = new StringBuilder("console=ttyS0 quiet loglevel=4 panic=-1");
        sb.append(" ninep.port=").append(port);
        sb.append(" ninep.cache=").append(cache);
        sb.append(" ninep.run=").append(run);
        sb.append(" ninep.timeout=").append(Math.max(1, checkTimeout.toSeconds()));
        if (aname != null) {
            sb.append(" ninep.aname=").append(aname);
        }
        if (mountOptions != null) {
            sb.append(" ninep.opts=").append(mountOptions);
        }
        if (!checks.isEmpty()) {
            sb.append(" ninep.checks=").append(String.join(",", checks));
        }
        if (!extras.isEmpty()) {
            sb.append(" ninep.extra=").append(String.join(",", extras));
        }
        for (String a : kernelArgs) {
            sb.append(' ').append(a);
        }
        return sb.toString();
    }

    private Result boot(List<String> cmd, Path log, String run) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Result result = new Result(log, run, String.join(" ", cmd));
        Process qemu = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Thread reader = new Thread(() -> pump(qemu.getInputStream(), log, result), "qemu-console-" + run);
        reader.setDaemon(true);
        reader.start();
        boolean exited = qemu.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            result.timedOut = true;
            qemu.destroyForcibly();
            qemu.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(10_000);
        result.exitCode = qemu.isAlive() ? -1 : qemu.exitValue();
        result.wallTime = Duration.ofNanos(System.nanoTime() - start);
        if (result.timedOut) {
            appendLog(log, "QEMU-GUEST killed after timeout " + timeout);
        }
        return result;
    }

    private void pump(InputStream in, Path log, Result result) {
        try (in; BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            w.write("# " + result.command + "\n");
            w.flush();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        String s = line.toString(StandardCharsets.UTF_8);
                        line.reset();
                        w.write(s);
                        w.write('\n');
                        result.accept(s);
                        try {
                            lineListener.accept(s);
                        } catch (RuntimeException e) {
                            w.write("# line listener failed: " + e + "\n");
                        }
                    } else if (b != '\r') {
                        line.write(b);
                    }
                }
                w.flush();
            }
            if (line.size() > 0) {
                String s = line.toString(StandardCharsets.UTF_8);
                w.write(s + "\n");
                result.accept(s);
            }
        } catch (IOException e) {
            // qemu killed or log unwritable: the result says what was seen so far
        }
    }

    private static void appendLog(Path log, String text) {
        try {
            Files.writeString(log, text + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // best effort
        }
    }

    // ------------------------------------------------------------------ initrd
    private byte[] suiteArchive(Path root) throws IOException {
        byte[] suite = Files.readAllBytes(root.resolve(SCRIPT_DIR).resolve("guest-suite.sh"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ino = 900_000;
        cpioEntry(out, "suite", 040755, new byte[0], ino++);
        cpioEntry(out, "suite/extra", 040755, new byte[0], ino++);
        cpioEntry(out, "suite/guest-suite.sh", 0100755, suite, ino++);
        for (Map.Entry<String, byte[]> e : extraScripts.entrySet()) {
            cpioEntry(out, "suite/extra/" + e.getKey(), 0100644, e.getValue(), ino++);
        }
        cpioEntry(out, "TRAILER!!!", 0, new byte[0], 0);
        return out.toByteArray();
    }

    /** Base initramfs (gzip) + padding to 4 bytes + the uncompressed suite archive: the kernel unpacks both. */
    private static void writeInitrd(Path base, byte[] suite, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            long size = Files.copy(base, out);
            out.write(new byte[(int) ((4 - size % 4) % 4)]);
            out.write(suite);
        }
    }

    /** One entry of a "newc" cpio archive. */
    static void cpioEntry(ByteArrayOutputStream out, String name, int mode, byte[] data, int ino) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean dir = (mode & 0170000) == 040000;
        String header = String.format("070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
                ino, mode, 0, 0, dir ? 2 : 1, System.currentTimeMillis() / 1000, data.length,
                0, 0, 0, 0, nameBytes.length + 1, 0);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(nameBytes);
        out.write(0);
        pad(out);
        out.writeBytes(data);
        pad(out);
    }

    private static void pad(ByteArrayOutputStream out) {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
    }

    // ------------------------------------------------------------------ helpers
    private static String word(String s, String what) {
        if (s.isEmpty() || s.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\'')) {
            throw new IllegalArgumentException(what + " must be one word on the kernel command line: '" + s + "'");
        }
        return s;
    }

    private static String identifier(String s) {
        if (!NAME.matcher(s).matches()) {
            throw new IllegalArgumentException("not a shell identifier: '" + s + "'");
        }
        return s;
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - n), lines.length));
    }

    // ------------------------------------------------------------------ result
    /** What the guest reported. */
    public static final class Result {
        private final Path log;
        private final String workDir;
        private final String command;
        private final Map<String, Check> checks = Collections.synchronizedMap(new LinkedHashMap<>());
        private final Map<String, String> sums = Collections.synchronizedMap(new LinkedHashMap<>());
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private volatile Integer donePassed;
        private volatile Integer doneFailed;
        private volatile boolean timedOut;
        private volatile int exitCode;
        private volatile Duration wallTime = Duration.ZERO;

        Result(Path log, String workDir, String command) {
            this.log = log;
            this.workDir = workDir;
            this.command = command;
        }

        void accept(String line) {
            lines.add(line);
            Matcher m = CHECK.matcher(line);
            if (m.find()) {
                String reason = m.group(3) == null ? "" : m.group(3).trim();
                checks.put(m.group(1), new Check(m.group(1), m.group(2).equals("PASS"), reason));
                return;
            }
            m = SUM.matcher(line);
            if (m.find()) {
                sums.put(m.group(1), m.group(2));
                return;
            }
            m = DONE.matcher(line);
            if (m.find()) {
                donePassed = Integer.parseInt(m.group(1));
                doneFailed = Integer.parseInt(m.group(2));
            }
        }

        /** Checks in the order reported. */
        public Map<String, Check> checks() {
            synchronized (checks) {
                return Collections.unmodifiableMap(new LinkedHashMap<>(checks));
            }
        }

        public List<Check> checkList() {
            synchronized (checks) {
                return List.copyOf(checks.values());
            }
        }

        public Check check(String name) {
            return checks.get(name);
        }

        /** True if the check ran and passed. */
        public boolean passed(String name) {
            Check c = checks.get(name);
            return c != null && c.passed();
        }

        public List<Check> failures() {
            return checkList().stream().filter(c -> !c.passed()).toList();
        }

        /** NINEP-SUM lines: path relative to the mount root (the exported dir) to sha256. */
        public Map<String, String> sums() {
            synchronized (sums) {
                return Collections.unmodifiableMap(new LinkedHashMap<>(sums));
            }
        }

        /**
         * Compares each NINEP-SUM with the sha256 of the same file under {@code exportRoot} (the
         * directory the server exported, i.e. the aname's directory). Returns path to a message for
         * each mismatch or missing file; empty when all match.
         */
        public Map<String, String> sumMismatches(Path exportRoot) {
            Map<String, String> bad = new LinkedHashMap<>();
            sums().forEach((rel, want) -> {
                Path f = exportRoot.resolve(rel);
                try {
                    String got = sha256(f);
                    if (!got.equals(want)) {
                        bad.put(rel, "host " + got + " != guest " + want);
                    }
                } catch (IOException e) {
                    bad.put(rel, "cannot read " + f + ": " + e);
                }
            });
            return bad;
        }

        /** The guest printed NINEP-DONE (the suite ran to its end). */
        public boolean completed() {
            return donePassed != null;
        }

        public int donePassed() {
            return donePassed == null ? -1 : donePassed;
        }

        public int doneFailed() {
            return doneFailed == null ? -1 : doneFailed;
        }

        /** Completed, at least one check, none failed. */
        public boolean allPassed() {
            return completed() && doneFailed == 0 && failures().isEmpty() && !checks.isEmpty();
        }

        public boolean timedOut() {
            return timedOut;
        }

        public int exitCode() {
            return exitCode;
        }

        public Duration wallTime() {
            return wallTime;
        }

        /** Console log file. */
        public Path log() {
            return log;
        }

        /** Name of the per-run work dir the guest created under the mount root. */
        public String workDir() {
            return workDir;
        }

        /** All console lines (CR stripped). */
        public List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        /** Console lines of one failed check ({@code NINEP-LOG <name>: ...}). */
        public List<String> logOf(String check) {
            String prefix = "NINEP-LOG " + check + ": ";
            return lines().stream().filter(l -> l.contains(prefix))
                    .map(l -> l.substring(l.indexOf(prefix) + prefix.length())).toList();
        }

        /** Throws an AssertionError with {@link #summary()} unless {@link #allPassed()}. */
        public void assertAllPassed() {
            if (!allPassed()) {
                throw new AssertionError(summary());
            }
        }

        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(completed() ? "guest suite finished: " + donePassed + " passed, " + doneFailed + " failed"
                            : timedOut ? "guest suite TIMED OUT (qemu killed)"
                            : "guest suite did not finish (qemu exit " + exitCode + ")")
                    .append(String.format(" in %.1f s", wallTime.toMillis() / 1000.0));
            for (Check c : checkList()) {
                sb.append("\n  ").append(c);
            }
            if (!completed()) {
                List<String> l = lines();
                sb.append("\n  last console lines:");
                for (String s : l.subList(Math.max(0, l.size() - 15), l.size())) {
                    sb.append("\n    ").append(s);
                }
            }
            sb.append("\n  console log: ").append(log);
            return sb.toString();
        }

        @Override
        public String toString() {
            return summary();
        }
    }

    static String sha256(Path f) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[1 << 16];
                int r;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Manual use: {@code java QemuGuest.java PORT [CACHE] [ANAME] [EXPORT_DIR]} (single-file launch)
     * boots against a server on 127.0.0.1:PORT and prints the summary; with EXPORT_DIR it also
     * compares the NINEP-SUM files. Exit status 0 when all checks passed.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: QemuGuest PORT [CACHE] [ANAME] [EXPORT_DIR]");
            System.exit(2);
        }
        if (!requireAvailable()) {
            System.exit(3);
        }
        QemuGuest g = forPort(Integer.parseInt(args[0])).onLine(System.out::println);
        if (args.length > 1) {
            g.cache(args[1]);
        }
        if (args.length > 2 && !args[2].isEmpty()) {
            g.aname(args[2]);
        }
        Result r = g.run();
        System.out.println(r.summary());
        boolean ok = r.allPassed();
        if (args.length > 3) {
            Map<String, String> bad = r.sumMismatches(Paths.get(args[3]));
            System.out.println(bad.isEmpty() ? "sums match the host files (" + r.sums().size() + ")" : "SUM MISMATCH " + bad);
            ok &= bad.isEmpty();
        }
        System.exit(ok ? 0 : 1);
    }
}
