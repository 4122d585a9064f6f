package io.ninep.fs.memory;

import io.ninep.fs.FileId;
import io.ninep.fs.FileType;
import io.ninep.fs.FsException;
import io.ninep.fs.Timestamp;
import io.ninep.posix.Errno;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A directory: its entries by name and by readdir cookie. Every entry gets the next number of a per-directory
 * sequence when it is attached (created, linked or renamed in), and readdir lists in that order, so a cookie
 * stays valid whatever is added or removed meanwhile (LESSONS.md: a cookie, never an index). "." and ".."
 * resume at the fixed cookies 1 and 2; entries start at 3. All fields here are guarded by the namespace lock.
 */
final class DirectoryInode extends Inode {
    static final long AFTER_DOT = 1;
    static final long AFTER_DOTDOT = 2;
    /** st_size grows by this per entry, "." and ".." included, as tmpfs counts it. */
    private static final long ENTRY_SIZE = 20;

    private final Map<String, Link> byName = new HashMap<>();
    private final NavigableMap<Long, Link> byCookie = new TreeMap<>();
    private long lastCookie = AFTER_DOTDOT;
    private int subdirectories;
    /** The entry naming this directory in its parent; null for the root. */
    Link self;

    DirectoryInode(long device, long number, int permissions, int uid, int gid, Timestamp now) {
        super(device, number, FileType.DIRECTORY, permissions, uid, gid, now);
    }

    /** The parent directory; the root's is itself; null once removed. */
    DirectoryInode parent() {
        return self == null ? this : self.dir;
    }

    boolean removed() {
        return self != null && !self.attached();
    }

    /** ENOENT for a removed directory: nothing can be looked up, created or listed in it (Linux IS_DEADDIR). */
    void checkLive() {
        if (removed()) {
            throw new FsException(Errno.ENOENT, "directory removed");
        }
    }

    Link lookup(String name) {
        return byName.get(name);
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * Up to {@code max} entries after {@code cookie}: "." and ".." first (unless removed), then the entries
     * in cookie order. The wire's offset is unsigned, so a negative one lies beyond every cookie.
     */
    List<Listed> listAfter(long cookie, int max) {
        List<Listed> listed = new ArrayList<>();
        if (cookie < 0 || removed()) {
            return listed;
        }
        if (cookie < AFTER_DOT) {
            listed.add(new Listed(".", id(), AFTER_DOT));
        }
        if (cookie < AFTER_DOTDOT) {
            listed.add(new Listed("..", parent().id(), AFTER_DOTDOT));
        }
        for (Link link : byCookie.tailMap(Math.max(cookie, AFTER_DOTDOT), false).values()) {
            if (listed.size() >= max) {
                break;
            }
            listed.add(new Listed(link.name, link.inode.id(), link.cookie));
        }
        return listed;
    }

    void attach(Link link, String name) {
        link.dir = this;
        link.name = name;
        link.cookie = ++lastCookie;
        byName.put(name, link);
        byCookie.put(link.cookie, link);
        if (link.inode.type == FileType.DIRECTORY) {
            subdirectories++;
        }
    }

    void detach(Link link) {
        byName.remove(link.name);
        byCookie.remove(link.cookie);
        link.dir = null;
        if (link.inode.type == FileType.DIRECTORY) {
            subdirectories--;
        }
    }

    /** One readdir entry; {@code next} is the cookie that resumes after it. */
    record Listed(String name, FileId id, long next) {
    }

    /** Each subdirectory's ".." links here; a removed directory has none (Linux clears it on rmdir). */
    @Override
    long nlink() {
        return removed() ? 0 : 2 + subdirectories;
    }

    @Override
    long size() {
        return ENTRY_SIZE * (byName.size() + 2);
    }

    @Override
    void resize(long size, Timestamp now, Budget budget) {
        throw new FsException(Errno.EISDIR, "a directory has no size to set");
    }
}
