package io.ninep.export.qid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The table file and its companions in one directory: {@code NAME} (the table), {@code NAME.lock} (locked while
 * a process reads-merges-writes), {@code NAME.tmp} (the next version before its rename) and
 * {@code NAME.corrupt-<time>} (tables set aside). A save is atomic: write the temp file, fsync it, rename it over
 * the table, fsync the directory; a reader sees the old table or the new one, never a mix.
 *
 * <p>The lock file, not the table, is locked, because the rename replaces the table's inode. {@link FileLock}s
 * belong to the whole JVM (a second lock on the same file from the same JVM throws), so an in-JVM lock per lock
 * file is taken first; it also serialises two exports that share a table path.
 */
final class TableStore {
    /** Far above any valid table (32767 prefixes, bounded devices and pins); a larger file is corrupt. */
    static final long MAX_FILE_BYTES = 64L << 20;
    private static final Logger LOG = Logger.getLogger(TableStore.class);
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private final Path table;
    private final Path lockFile;
    private final Path temp;

    TableStore(Path table) {
        this.table = table.toAbsolutePath().normalize();
        String name = this.table.getFileName().toString();
        this.lockFile = this.table.resolveSibling(name + ".lock");
        this.temp = this.table.resolveSibling(name + ".tmp");
    }

    Path location() {
        return table;
    }

    /** Exclusive access to the table among this JVM's threads and other processes (replicas). */
    Held lock() throws IOException {
        ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        jvm.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            return new Held(jvm, channel);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            jvm.unlock();
            throw e;
        }
    }

    /** The table as on disk; {@link TableContents#EMPTY} when there is none. */
    TableContents read() throws IOException, TableFormatException {
        byte[] raw;
        try (FileChannel ch = FileChannel.open(table, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > MAX_FILE_BYTES) {
                throw new TableFormatException("file of " + size + " bytes");
            }
            ByteBuffer b = ByteBuffer.allocate((int) size);
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new TableFormatException("file shrank while read");
                }
            }
            raw = b.array();
        } catch (NoSuchFileException e) {
            return TableContents.EMPTY;
        }
        return TableCodec.decode(raw);
    }

    /** Replaces the table atomically and durably. */
    void write(TableContents contents) throws IOException {
        byte[] raw = TableCodec.encode(contents);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(raw);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        Files.move(temp, table, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(table.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Renames a bad table to {@code NAME.corrupt-<UTC time>}, keeping it for inspection; returns the new path. */
    Path setAside() throws IOException {
        Path aside = table.resolveSibling(table.getFileName() + ".corrupt-"
                + ASIDE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        Files.move(table, aside, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    /** What changes whenever someone replaces the table; null when there is none. */
    Stamp stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(table, BasicFileAttributes.class);
            return new Stamp(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    record Stamp(Object fileKey, long size, long modifiedMillis) {
    }

    /** A held lock; closing releases it and never throws (a release cannot undo work done under it). */
    static final class Held implements AutoCloseable {
        private final ReentrantLock jvm;
        private final FileChannel channel;

        private Held(ReentrantLock jvm, FileChannel channel) {
            this.jvm = jvm;
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close(); // releases the lock with it
            } catch (IOException e) {
                LOG.debugf(e, "closing the qid table lock file");
            } finally {
                jvm.unlock();
            }
        }
    }
}
