package io.ninep.export;

import io.ninep.fs.FileSystem;

/** One named export: a backend and how its files get qid paths. Its runtime rules are {@link ExportPolicy}. */
public final class Export {
    private final String name;
    private final String type;
    private final String location;
    private final FileSystem fileSystem;
    private final QidMapper qidMapper;
    private final ExportPolicy initialPolicy;

    public Export(String name, String type, String location, FileSystem fileSystem, ExportPolicy initialPolicy,
                  QidMapper qidMapper) {
        this.qidMapper = qidMapper;
        this.initialPolicy = initialPolicy;
        this.name = name;
        this.type = type;
        this.location = location;
        this.fileSystem = fileSystem;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    /** The host path of a local export, or the name of a memory export. */
    public String location() {
        return location;
    }

    public FileSystem fileSystem() {
        return fileSystem;
    }

    /** The policy from configuration; the control plane owns the current one. */
    public ExportPolicy initialPolicy() {
        return initialPolicy;
    }

    public QidMapper qidMapper() {
        return qidMapper;
    }
}
