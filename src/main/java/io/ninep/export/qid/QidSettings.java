package io.ninep.export.qid;

import io.ninep.config.ConfigurationException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A local export's qid settings, checked: {@code multidevs}, where the table lives (empty = memory only) and how
 * many entries it may hold.
 */
public record QidSettings(MultiDevs multidevs, Optional<Path> table, long maxEntries) {
    /** The table's name in the export root unless configured otherwise; on the volume, so replicas share it. */
    public static final String DEFAULT_TABLE = ".ninep-qid-table";
    /** {@code qid-table} value that keeps the table in memory: paths then change on restart. */
    public static final String NO_TABLE = "none";

    /**
     * @param keyPrefix  {@code ninep.exports."NAME".}, for error messages
     * @param exportRoot the export's absolute, normalized directory
     * @param qidTable   absent: {@value #DEFAULT_TABLE} in the root; {@value #NO_TABLE}; or a path, relative to
     *                   the root or absolute, directly in the root or outside the export
     */
    public static QidSettings parse(String keyPrefix, Path exportRoot, String multidevs, Optional<String> qidTable,
                                    long maxEntries) {
        MultiDevs mode = MultiDevs.parse(keyPrefix + "multidevs", multidevs);
        if (maxEntries <= 0) {
            throw new ConfigurationException(keyPrefix + "qid-table-max-entries", "must be positive");
        }
        String where = qidTable.map(String::trim).orElse(DEFAULT_TABLE);
        if (where.equals(NO_TABLE)) {
            return new QidSettings(mode, Optional.empty(), maxEntries);
        }
        if (where.isEmpty()) {
            throw new ConfigurationException(keyPrefix + "qid-table", "is empty; give a path or '" + NO_TABLE + "'");
        }
        Path table = exportRoot.resolve(where).normalize();
        if (table.startsWith(exportRoot) && !exportRoot.equals(table.getParent())) {
            throw new ConfigurationException(keyPrefix + "qid-table", "is " + table
                    + ", inside the export but not in its root; the server can hide it from clients only there");
        }
        return new QidSettings(mode, Optional.of(table), maxEntries);
    }

    /** The name the server must hide in the export root: the table's, when it lives there. */
    public Optional<String> hiddenName(Path exportRoot) {
        return table.filter(t -> exportRoot.equals(t.getParent())).map(t -> t.getFileName().toString());
    }
}
