/*
 * lockprobe: tiny static helper for the ninep guest test suite (guest-suite.sh).
 * Busybox has no fcntl-lock or mmap tool, so this provides them.
 *
 *   lockprobe hold   FILE rd|wr READY RELEASE  F_SETLKW, create READY, wait for RELEASE (<=120 s), unlock
 *   lockprobe try    FILE rd|wr                F_SETLK: exit 0 = acquired, 1 = conflict, 2 = error
 *   lockprobe wait   FILE rd|wr                F_SETLKW (blocking), exit 0 when acquired
 *   lockprobe getlk  FILE rd|wr                F_GETLK: prints "unlocked" or "locked <type> <pid>"
 *   lockprobe mmapwrite FILE SIZE SEED          O_RDWR|O_CREAT, ftruncate, MAP_SHARED write, msync
 *   lockprobe mmapread  FILE                    MAP_SHARED read, prints bytes and a 32-bit FNV-1a sum
 *   lockprobe pattern   SIZE SEED               writes the mmapwrite pattern to stdout
 *   lockprobe unlinked  FILE                    open, unlink, fstat, read: prints "nlink=<n> size=<s>" and the content
 *
 * Build: gcc -static -O2 -o lockprobe lockprobe.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int die(const char *what) {
    fprintf(stderr, "lockprobe: %s: %s (errno %d)\n", what, strerror(errno), errno);
    return 2;
}

static short ltype(const char *s) {
    return strcmp(s, "rd") == 0 ? F_RDLCK : F_WRLCK;
}

static int setlk(int fd, int cmd, short type) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = 0;
    fl.l_len = 0;
    return fcntl(fd, cmd, &fl);
}

static void msleep(long ms) {
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static unsigned char pat(unsigned long i, unsigned long seed) {
    unsigned long x = (i + 1) * 2654435761UL ^ (seed * 40503UL) ^ (i >> 7);
    return (unsigned char)(x ^ (x >> 13));
}

static int openrw(const char *path, short type) {
    return open(path, type == F_RDLCK ? O_RDONLY : O_RDWR);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: see source\n");
        return 2;
    }
    const char *cmd = argv[1];

    if (strcmp(cmd, "hold") == 0 && argc == 6) {
        short t = ltype(argv[3]);
        int fd = openrw(argv[2], t);
        if (fd < 0) return die("open");
        if (setlk(fd, F_SETLKW, t) < 0) return die("F_SETLKW");
        int r = open(argv[4], O_WRONLY | O_CREAT, 0644);
        if (r < 0) return die("create ready file");
        close(r);
        for (int i = 0; i < 2400 && access(argv[5], F_OK) != 0; i++) msleep(50);
        if (setlk(fd, F_SETLK, F_UNLCK) < 0) return die("F_UNLCK");
        close(fd);
        return 0;
    }
    if ((strcmp(cmd, "try") == 0 || strcmp(cmd, "wait") == 0) && argc == 4) {
        short t = ltype(argv[3]);
        int fd = openrw(argv[2], t);
        if (fd < 0) return die("open");
        int blocking = strcmp(cmd, "wait") == 0;
        if (setlk(fd, blocking ? F_SETLKW : F_SETLK, t) < 0) {
            if (!blocking && (errno == EAGAIN || errno == EACCES)) {
                printf("conflict\n");
                return 1;
            }
            return die(blocking ? "F_SETLKW" : "F_SETLK");
        }
        printf("acquired\n");
        setlk(fd, F_SETLK, F_UNLCK);
        close(fd);
        return 0;
    }
    if (strcmp(cmd, "getlk") == 0 && argc == 4) {
        short t = ltype(argv[3]);
        int fd = openrw(argv[2], t);
        if (fd < 0) return die("open");
        struct flock fl;
        memset(&fl, 0, sizeof fl);
        fl.l_type = t;
        fl.l_whence = SEEK_SET;
        if (fcntl(fd, F_GETLK, &fl) < 0) return die("F_GETLK");
        if (fl.l_type == F_UNLCK)
            printf("unlocked\n");
        else
            printf("locked %s %ld\n", fl.l_type == F_WRLCK ? "wr" : "rd", (long)fl.l_pid);
        close(fd);
        return 0;
    }
    if (strcmp(cmd, "mmapwrite") == 0 && argc == 5) {
        size_t size = strtoul(argv[3], NULL, 0);
        unsigned long seed = strtoul(argv[4], NULL, 0);
        int fd = open(argv[2], O_RDWR | O_CREAT, 0644);
        if (fd < 0) return die("open");
        if (ftruncate(fd, (off_t)size) < 0) return die("ftruncate");
        unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED) return die("mmap");
        for (size_t i = 0; i < size; i++) p[i] = pat(i, seed);
        if (msync(p, size, MS_SYNC) < 0) return die("msync");
        if (munmap(p, size) < 0) return die("munmap");
        if (fsync(fd) < 0) return die("fsync");
        if (close(fd) < 0) return die("close");
        return 0;
    }
    if (strcmp(cmd, "mmapread") == 0 && argc == 3) {
        int fd = open(argv[2], O_RDONLY);
        if (fd < 0) return die("open");
        struct stat st;
        if (fstat(fd, &st) < 0) return die("fstat");
        unsigned int h = 2166136261u;
        if (st.st_size > 0) {
            unsigned char *p = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
            if (p == MAP_FAILED) return die("mmap");
            for (off_t i = 0; i < st.st_size; i++) h = (h ^ p[i]) * 16777619u;
            munmap(p, st.st_size);
        }
        printf("%lld %08x\n", (long long)st.st_size, h);
        close(fd);
        return 0;
    }
    if (strcmp(cmd, "pattern") == 0 && argc == 4) {
        size_t size = strtoul(argv[2], NULL, 0);
        unsigned long seed = strtoul(argv[3], NULL, 0);
        for (size_t i = 0; i < size; i++) putchar(pat(i, seed));
        return fflush(stdout) == 0 ? 0 : die("write");
    }
    if (strcmp(cmd, "unlinked") == 0 && argc == 3) {
        int fd = open(argv[2], O_RDONLY);
        if (fd < 0) return die("open");
        if (unlink(argv[2]) < 0) return die("unlink");
        struct stat st;
        if (fstat(fd, &st) < 0) return die("fstat after unlink");
        printf("nlink=%ld size=%lld\n", (long)st.st_nlink, (long long)st.st_size);
        char buf[4096];
        ssize_t n;
        while ((n = read(fd, buf, sizeof buf)) > 0) fwrite(buf, 1, n, stdout);
        if (n < 0) return die("read after unlink");
        close(fd);
        return 0;
    }
    fprintf(stderr, "lockprobe: bad arguments\n");
    return 2;
}
