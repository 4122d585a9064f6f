package io.ninep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void nestedObjectsAndArraysAreIndentedAndCommaSeparated() {
        String text = new JsonWriter().beginObject()
                .field("a", 1L)
                .beginObject("b").field("c", true).endObject()
                .beginArray("d")
                .beginObject().field("e", 2L).endObject()
                .beginObject().field("e", 3L).endObject()
                .endArray()
                .beginArray("empty").endArray()
                .endObject().text();
        assertEquals("""
                {
                  "a": 1,
                  "b": {
                    "c": true
                  },
                  "d": [
                    {
                      "e": 2
                    },
                    {
                      "e": 3
                    }
                  ],
                  "empty": []
                }
                """, text);
    }

    @Test
    void stringsAreEscaped() {
        String text = new JsonWriter().beginObject().field("s", "q\"b\\n\nt\tc\u0001é").endObject().text();
        assertEquals("{\n  \"s\": \"q\\\"b\\\\n\\nt\\tc\\u0001é\"\n}\n", text);
    }

    @Test
    void numbersJsonCannotHoldBecomeNull() {
        String text = new JsonWriter().beginObject()
                .field("nan", Double.NaN).field("inf", Double.POSITIVE_INFINITY).field("s", (String) null)
                .nullField("n").endObject().text();
        assertEquals("{\n  \"nan\": null,\n  \"inf\": null,\n  \"s\": null,\n  \"n\": null\n}\n", text);
    }

    @Test
    void wholeDoublesPrintWithoutAFractionAndOthersInFull() {
        String text = new JsonWriter().beginObject().field("w", 3.0).field("f", 2.5).field("neg", -0.125)
                .endObject().text();
        assertEquals("{\n  \"w\": 3,\n  \"f\": 2.5,\n  \"neg\": -0.125\n}\n", text);
    }

    @Test
    void unbalancedUseIsRefused() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().text());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().endObject());
        assertThrows(IllegalStateException.class, () -> new JsonWriter().field("x", 1L));
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endObject().beginObject());
    }
}
