package io.ninep.fs.memory;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileDataTest {
    private final Budget budget = new Budget(1L << 30, 10);
    private final FileData data = new FileData();

    private int write(long offset, int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return data.write(offset, ByteBuffer.wrap(bytes), budget);
    }

    @Test
    void smallFileTakesOneGrainNotAPage() {
        write(0, 10, (byte) 1);
        assertEquals(FileData.GRAIN, data.allocatedBytes());
        assertEquals(FileData.GRAIN, budget.usedBytes());
    }

    @Test
    void growingPageDoublesUpToThePageSize() {
        write(0, 10, (byte) 1);
        write(10, FileData.GRAIN, (byte) 1);
        assertEquals(2 * FileData.GRAIN, data.allocatedBytes());
        write(0, FileData.PAGE_SIZE, (byte) 1);
        assertEquals(FileData.PAGE_SIZE, data.allocatedBytes());
    }

    @Test
    void writeFarOutAllocatesOnlyTheTouchedPage() {
        write(1L << 39, 1, (byte) 1);
        assertEquals((1L << 39) + 1, data.size());
        assertEquals(FileData.GRAIN, data.allocatedBytes());
    }

    @Test
    void truncateReleasesWholePagesAndShrinksTheLast() {
        write(0, 3 * FileData.PAGE_SIZE, (byte) 7);
        data.truncate(FileData.PAGE_SIZE + 100, budget);
        assertEquals(FileData.PAGE_SIZE + FileData.GRAIN, data.allocatedBytes());
        assertEquals(data.allocatedBytes(), budget.usedBytes());
        data.truncate(2 * FileData.PAGE_SIZE, budget);
        ByteBuffer tail = ByteBuffer.allocate(200);
        data.read(FileData.PAGE_SIZE, tail);
        for (int i = 0; i < 200; i++) {
            assertEquals(i < 100 ? 7 : 0, tail.get(i), "byte " + i);
        }
    }

    @Test
    void truncateToAPageBoundaryKeepsThePageBelow() {
        write(0, 2 * FileData.PAGE_SIZE, (byte) 3);
        data.truncate(FileData.PAGE_SIZE, budget);
        assertEquals(FileData.PAGE_SIZE, data.allocatedBytes());
        ByteBuffer last = ByteBuffer.allocate(1);
        data.read(FileData.PAGE_SIZE - 1, last);
        assertEquals(3, last.get(0));
    }

    @Test
    void writeStopsWhereTheBudgetEnds() {
        Budget tight = new Budget(FileData.PAGE_SIZE + FileData.GRAIN, 10);
        int written = data.write(0, ByteBuffer.allocate(3 * FileData.PAGE_SIZE), tight);
        assertEquals(FileData.PAGE_SIZE + FileData.GRAIN, written);
        assertEquals(written, data.size());
    }

    @Test
    void freeReturnsEverything() {
        write(0, 100_000, (byte) 1);
        data.free(budget);
        assertEquals(0, budget.usedBytes());
        assertEquals(0, data.allocatedBytes());
        assertEquals(0, data.size());
    }
}
