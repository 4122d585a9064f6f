package io.ninep.server.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ninep.client.NinepClient;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeTest extends NinepServerTestBase {

    @Test
    void createWriteReadBack() throws Exception {
        NinepClient c = attached();
        freshDir(c, 2);
        c.walk(2, 3);
        c.lcreate(3, "hello", 2, 0644, 0);
        byte[] data = "hello, 9p".getBytes(StandardCharsets.UTF_8);
        assertEquals(data.length, c.write(3, 0, data));
        assertArrayEquals(data, c.read(3, 0, 100));
        c.clunk(3);
    }
}
