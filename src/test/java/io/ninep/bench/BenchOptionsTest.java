package io.ninep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static BenchOptions parse(String... args) {
        return BenchOptions.parse(args, "alice", 1000, 100);
    }

    @Test
    void defaultsNeedNoArguments() {
        BenchOptions o = parse();
        assertEquals("127.0.0.1", o.host());
        assertEquals(5640, o.port());
        assertEquals("", o.aname());
        assertEquals("alice", o.uname());
        assertEquals(1000, o.uid());
        assertEquals(100, o.gid());
        assertEquals(1 << 20, o.msize());
        assertEquals(Workload.READ, o.workload());
        assertEquals(Duration.ofSeconds(5), o.warmup());
        assertEquals(Duration.ofSeconds(20), o.duration());
        assertEquals(16L << 20, o.fileSize());
        assertNull(o.json());
        assertNull(o.rssInterval());
    }

    @Test
    void everyOptionIsParsed() {
        BenchOptions o = parse("--host", "::1", "--port", "564", "--aname", "/srv", "--uname", "bob", "--uid", "7",
                "--gid", "8", "--msize", "64K", "--workload", "Mixed", "--connections", "32", "--outstanding", "16",
                "--warmup", "500ms", "--duration", "1.5s", "--file-size", "1G", "--files", "10", "--dir", "b",
                "--stall-timeout", "2m", "--server-pid", "42", "--rss-interval", "10s", "--json", "out/r.json",
                "--tsv", "all.tsv", "--label", "diod");
        assertEquals("::1", o.host());
        assertEquals(564, o.port());
        assertEquals("/srv", o.aname());
        assertEquals("bob", o.uname());
        assertEquals(7, o.uid());
        assertEquals(8, o.gid());
        assertEquals(65536, o.msize());
        assertEquals(Workload.MIXED, o.workload());
        assertEquals(32, o.connections());
        assertEquals(16, o.outstanding());
        assertEquals(Duration.ofMillis(500), o.warmup());
        assertEquals(Duration.ofMillis(1500), o.duration());
        assertEquals(1L << 30, o.fileSize());
        assertEquals(10, o.files());
        assertEquals("b", o.dir());
        assertEquals(Duration.ofMinutes(2), o.stallTimeout());
        assertEquals(42, o.serverPid());
        assertEquals(Duration.ofSeconds(10), o.rssInterval());
        assertEquals(Path.of("out/r.json"), o.json());
        assertEquals(Path.of("all.tsv"), o.tsv());
        assertEquals("diod", o.label());
    }

    @Test
    void bareDurationIsSeconds() {
        assertEquals(Duration.ofSeconds(300), BenchOptions.duration("--duration", "300"));
    }

    @Test
    void mistakesNameTheOption() {
        assertMessage("--port: 'x' is not an integer", "--port", "x");
        assertMessage("--warmup: '5 minutes' is not a duration such as 500ms, 5s or 2m", "--warmup", "5 minutes");
        assertMessage("--file-size: '12Q' is not a size such as 4096, 64K or 16M", "--file-size", "12Q");
        assertMessage("unknown option --frobnicate", "--frobnicate", "1");
        assertMessage("--json needs a value", "--json");
        assertMessage("--rss-interval needs --server-pid", "--rss-interval", "1s");
        assertMessage("--file-size must be a multiple of 4096", "--file-size", "5000");
        assertMessage("--dir must be a single file name", "--dir", "a/b");
        assertMessage("--msize must be at least 4096", "--msize", "100");
        assertMessage("--label must be one word", "--label", "two words");
    }

    @Test
    void unknownWorkloadListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--workload", "seq"));
        assertTrue(e.getMessage().contains("read, write, randread, meta, create, mixed"), e.getMessage());
    }

    @Test
    void helpIsItsOwnOutcome() {
        assertThrows(BenchOptions.HelpRequested.class, () -> parse("--port", "1", "--help"));
    }

    private static void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(args));
        assertEquals(expected, e.getMessage());
    }
}
