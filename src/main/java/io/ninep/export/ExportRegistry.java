package io.ninep.export;

import io.ninep.config.ConfigurationException;
import io.ninep.config.NinepConfig;
import io.ninep.export.qid.LocalQid;
import io.ninep.export.qid.QidSettings;
import io.ninep.fs.FileSystem;
import io.ninep.fs.local.LocalFileSystem;
import io.ninep.fs.memory.MemoryFileSystem;
import io.ninep.posix.Errno;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured exports, built and validated once at startup. */
@ApplicationScoped
public class ExportRegistry {
    private final Map<String, Export> exports = new LinkedHashMap<>();
    private final String defaultExport;

    @Inject
    public ExportRegistry(NinepConfig config) {
        this.defaultExport = config.defaultExport();
        config.exports().forEach((name, ec) -> exports.put(name, build(name, ec)));
        if (!exports.containsKey(defaultExport)) {
            throw new ConfigurationException("ninep.default-export",
                    "names export '" + defaultExport + "', which is not configured under ninep.exports");
        }
    }

    private static Export build(String name, NinepConfig.ExportConfig ec) {
        String prefix = "ninep.exports.\"" + name + "\".";
        ExportPolicy policy = new ExportPolicy(ec.readOnly(), FaultParser.parse(prefix + "faults", ec.faults()));
        switch (ec.type()) {
            case "memory": {
                if (ec.capacity() <= 0) {
                    throw new ConfigurationException(prefix + "capacity", "must be positive");
                }
                FileSystem fs = new MemoryFileSystem(name, ec.capacity());
                return new Export(name, "memory", name, fs, policy, new InodeQidMapper());
            }
            case "local": {
                String path = ec.path().orElseThrow(() -> new ConfigurationException(prefix + "path",
                        "is required for a local export"));
                Path root = Path.of(path).toAbsolutePath().normalize();
                QidSettings qid = QidSettings.parse(prefix, root, ec.multidevs(), ec.qidTable(),
                        ec.qidTableMaxEntries());
                try {
                    LocalQid.Wiring w = LocalQid.wire(name, qid, root, LocalFileSystem.open(root, name));
                    return new Export(name, "local", root.toString(), w.fileSystem(), policy, w.mapper());
                } catch (RuntimeException e) {
                    throw new ConfigurationException(prefix + "path", "cannot serve " + root + ": " + e.getMessage());
                }
            }
            default:
                throw new ConfigurationException(prefix + "type",
                        "is '" + ec.type() + "'; expected 'memory' or 'local'");
        }
    }

    /** The export a Tattach's aname selects: empty → default, else an export name or a local export's path. */
    public Optional<Export> resolve(String aname) {
        if (aname.isEmpty()) {
            return Optional.of(exports.get(defaultExport));
        }
        Export byName = exports.get(aname);
        if (byName != null) {
            return Optional.of(byName);
        }
        String normalized = aname.startsWith("/") ? Path.of(aname).normalize().toString() : null;
        return exports.values().stream()
                .filter(e -> e.type().equals("local") && e.location().equals(normalized))
                .findFirst();
    }

    public Optional<Export> byName(String name) {
        return Optional.ofNullable(exports.get(name));
    }

    public Collection<Export> all() {
        return exports.values();
    }

    /** The operations a fault may be injected on (configuration and admin API accept exactly these). */
    public static java.util.Set<String> faultOperations() {
        return FaultParser.OPERATIONS;
    }

    @PreDestroy
    void close() {
        exports.values().forEach(e -> {
            e.qidMapper().close();
            e.fileSystem().close();
        });
    }

    /** Turns the configured fault map into faults, naming the property of any bad value. */
    static final class FaultParser {
        /** Operations that act on an export; the session-level version, auth and flush have no export. */
        static final java.util.Set<String> OPERATIONS = java.util.Set.of("attach", "walk", "statfs", "lopen",
                "lcreate", "symlink", "mknod", "rename", "readlink", "getattr", "setattr", "xattrwalk",
                "xattrcreate", "readdir", "fsync", "lock", "getlock", "link", "mkdir", "renameat", "unlinkat",
                "read", "write", "clunk", "remove");

        static Map<String, Fault> parse(String prefix, Map<String, NinepConfig.FaultConfig> config) {
            Map<String, Fault> out = new LinkedHashMap<>();
            config.forEach((op, fc) -> {
                if (!OPERATIONS.contains(op)) {
                    throw new ConfigurationException(prefix + "." + op, "names no operation; expected one of "
                            + new java.util.TreeSet<>(OPERATIONS));
                }
                Optional<Errno> errno = fc.errno().map(n -> Errno.named(n).orElseThrow(() ->
                        new ConfigurationException(prefix + "." + op + ".errno", "'" + n + "' is not a Linux errno name")));
                try {
                    out.put(op, new Fault(fc.delay().orElse(java.time.Duration.ZERO), errno));
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException(prefix + "." + op + ".delay", e.getMessage());
                }
            });
            return out;
        }

        private FaultParser() {
        }
    }
}
