package io.ninep.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ViewsJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void pendingRequestWithoutFidOmitsTheField() throws Exception {
        assertEquals("{\"tag\":3,\"type\":\"Tflush\",\"ageMs\":12,\"state\":\"running\",\"flushesWaiting\":0}",
                json.writeValueAsString(new Views.PendingView(3, "Tflush", null, 12, "running", 0)));
    }

    @Test
    void delayOnlyFaultOmitsTheErrno() throws Exception {
        assertEquals("{\"delayMs\":250}", json.writeValueAsString(new Views.FaultView(250, null)));
    }
}
