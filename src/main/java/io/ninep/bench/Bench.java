package io.ninep.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Load generator for any 9P2000.L server over TCP (ninep, diod, ...): a plain {@code main}, no Quarkus.
 * {@code java -cp "target/quarkus-app/app/*" io.ninep.bench.Bench --help} lists the options.
 */
public final class Bench {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    /** What a shell reports for a process ended by SIGINT, which is what Ctrl-C means here too. */
    static final int EXIT_INTERRUPTED = 130;
    private static final long CTRL_C_GRACE_SECONDS = 15;

    private Bench() {
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getProperty("user.name"), ownerOfProc("uid"), ownerOfProc("gid"));
        } catch (BenchOptions.HelpRequested e) {
            System.out.println(BenchOptions.USAGE);
            System.exit(EXIT_OK);
            return;
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        LoadRunner runner = new LoadRunner(options, err);
        CountDownLatch reported = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            // The JVM exits when this hook returns: let the run drain and print what it measured first.
            runner.interrupt();
            try {
                reported.await(CTRL_C_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        Result result = runner.run();
        int status = report(result, err);
        reported.countDown();
        if (result.outcome() != Result.Outcome.INTERRUPTED) {
            // Exiting from inside a shutdown (Ctrl-C) would block; then the JVM ends by itself, with 130.
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
            System.exit(status);
        }
    }

    private static int report(Result result, PrintStream err) {
        System.out.print(ResultTable.of(result));
        System.out.flush();
        int status = switch (result.outcome()) {
            case OK -> EXIT_OK;
            case FAILED -> EXIT_FAILED;
            case INTERRUPTED -> EXIT_INTERRUPTED;
        };
        BenchOptions options = result.options();
        try {
            if (options.json() != null) {
                createParent(options.json());
                Files.writeString(options.json(), ResultJson.of(result), StandardCharsets.UTF_8);
            }
            if (options.tsv() != null) {
                createParent(options.tsv());
                String header = Files.exists(options.tsv()) ? "" : ResultTsv.HEADER + "\n";
                Files.writeString(options.tsv(), header + ResultTsv.line(result) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            err.println("bench: cannot write the result: " + e);
            status = status == EXIT_OK ? EXIT_FAILED : status;
        }
        if (result.error() != null) {
            err.println("bench: FAILED: " + result.error());
        }
        return status;
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** This process's uid or gid: the owner of /proc/self is the process's own credentials. */
    private static int ownerOfProc(String attribute) {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:" + attribute);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }
}
