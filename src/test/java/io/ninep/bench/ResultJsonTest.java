package io.ninep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResultJsonTest {

    /** 1000 reads of 1 MB over 2 s, latencies 1..1000 µs; 500 metas of 3 requests each. */
    private static Result sample(Result.Outcome outcome, String error) {
        BenchOptions options = BenchOptions.parse(new String[] {"--workload", "mixed", "--connections", "4",
                "--outstanding", "16", "--port", "5641", "--aname", "/srv/x", "--server-pid", "77", "--label", "ninep"},
                "u", 0, 0);
        OpStats reads = new OpStats();
        for (int i = 1; i <= 1000; i++) {
            reads.record(i * 1000L, 1_000_000, 1);
        }
        OpStats metas = new OpStats();
        for (int i = 1; i <= 500; i++) {
            metas.record(200_000, 0, 3);
        }
        OpStats all = new OpStats();
        all.add(reads);
        all.add(metas);
        Map<Workload.Op, OpSummary> byOp = new LinkedHashMap<>();
        byOp.put(Workload.Op.READ, OpSummary.of(reads, 2.0));
        byOp.put(Workload.Op.META, OpSummary.of(metas, 2.0));
        return new Result(options, outcome, error, "2025-01-01T00:00:00Z", 1 << 20, 2.0, byOp,
                OpSummary.of(all, 2.0), 0.75, 0.5, new Procfs.Memory(2048, 4096),
                List.of(new Result.RssSample(0, 1024), new Result.RssSample(10, 2048)),
                "1.00 2.00 3.00", "4.00 5.00 6.00");
    }

    @Test
    void summaryCarriesRatesLatenciesAndMemory() {
        String json = ResultJson.of(sample(Result.Outcome.OK, null));
        assertContains(json, "\"label\": \"ninep\"");
        assertContains(json, "\"outcome\": \"ok\"");
        assertContains(json, "\"error\": null");
        assertContains(json, "\"workload\": \"mixed\"");
        assertContains(json, "\"msize\": 1048576");
        assertContains(json, "\"iounit\": 1048552");
        assertContains(json, "\"ops\": 1500");
        assertContains(json, "\"requests\": 2500");
        assertContains(json, "\"ops_per_s\": 750");
        assertContains(json, "\"requests_per_s\": 1250");
        assertContains(json, "\"mb_per_s\": 500");
        assertContains(json, "\"rss_kib\": 2048");
        assertContains(json, "\"server_cpu_s\": 0.75");
        assertContains(json, "\"server_cpu_us_per_op\": 500");
        assertContains(json, "\"client_cpu_s\": 0.5");
        assertContains(json, "\"peak_rss_kib\": 4096");
        assertContains(json, "\"load_at_end\": \"4.00 5.00 6.00\"");
        assertContains(json, "\"t_s\": 10,\n      \"rss_kib\": 2048");
    }

    @Test
    void eachKindHasItsOwnSummaryInMicroseconds() {
        String json = ResultJson.of(sample(Result.Outcome.OK, null));
        String read = json.substring(json.indexOf("\"read\": {"), json.indexOf("\"meta\": {"));
        assertContains(read, "\"ops_per_s\": 500");
        assertEquals(500, number(read, "p50"), 500 * 0.01);
        assertEquals(990, number(read, "p99"), 990 * 0.01);
        assertContains(read, "\"max\": 1000");
        String meta = json.substring(json.indexOf("\"meta\": {"));
        assertContains(meta, "\"requests\": 1500");
        assertEquals(200, number(meta, "p999"), 200 * 0.01);
    }

    @Test
    void failureCarriesItsReason() {
        String json = ResultJson.of(sample(Result.Outcome.FAILED, "connection 2, read: the server closed \"it\""));
        assertContains(json, "\"outcome\": \"failed\"");
        assertContains(json, "\"error\": \"connection 2, read: the server closed \\\"it\\\"\"");
    }

    @Test
    void tableShowsOneRowPerKindAndATotal() {
        String table = ResultTable.of(sample(Result.Outcome.OK, null));
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).startsWith("ok: mixed, 4 connection(s) x 16 outstanding, msize 1048576"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("read ") && l.contains("500.0")), table);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("total ") && l.contains("750.0")), table);
        assertContains(table, "server memory: rss 2.0 MiB, peak 4.0 MiB");
        assertContains(table, "server cpu: 0.75 s (38% of one core), 500.0 us per op");
    }

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected " + part + " in\n" + text);
    }

    @Test
    void tsvLineHasOneFieldPerHeaderColumn() {
        String line = ResultTsv.line(sample(Result.Outcome.OK, null));
        assertEquals(ResultTsv.HEADER.split("\t").length, line.split("\t").length);
        assertTrue(line.startsWith("ninep\tmixed\t4\t16\t1048576\t1048576\tok\t750.0\t500.00\t"), line);
        assertTrue(line.endsWith("\t2048\t4096\t0.750\t500.00\t1.00,2.00,3.00\t4.00,5.00,6.00"), line);
    }

    /** The first number after {@code "key": } in {@code json}. */
    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.]+)").matcher(json);
        assertTrue(m.find(), () -> "no " + key + " in\n" + json);
        return Double.parseDouble(m.group(1));
    }
}
