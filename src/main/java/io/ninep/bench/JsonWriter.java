package io.ninep.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds indented JSON text (RFC 8259), one member or element at a time. Strings are escaped; numbers
 * that JSON cannot hold (NaN, infinities) and null references are written as {@code null}.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it already has a member, so the next one needs a comma. */
    private final Deque<Boolean> hasMembers = new ArrayDeque<>();

    /** Starts the top-level object, or an object element of the enclosing array. */
    JsonWriter beginObject() {
        if (!hasMembers.isEmpty()) {
            separate();
        } else if (out.length() > 0) {
            throw new IllegalStateException("a JSON text holds one value");
        }
        return open('{');
    }

    JsonWriter beginObject(String name) {
        name(name);
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray(String name) {
        name(name);
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonWriter field(String name, double value) {
        name(name);
        number(value);
        return this;
    }

    JsonWriter field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    JsonWriter nullField(String name) {
        name(name);
        out.append("null");
        return this;
    }

    /** The finished text; every container must be closed. */
    String text() {
        if (!hasMembers.isEmpty()) {
            throw new IllegalStateException(hasMembers.size() + " container(s) still open");
        }
        return out.append('\n').toString();
    }

    private JsonWriter open(char bracket) {
        out.append(bracket);
        hasMembers.push(false);
        return this;
    }

    private JsonWriter close(char bracket) {
        if (hasMembers.isEmpty()) {
            throw new IllegalStateException("nothing to close");
        }
        boolean any = hasMembers.pop();
        if (any) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Starts a member: comma if needed, new line, indentation, then the quoted name and a colon. */
    private void name(String name) {
        if (hasMembers.isEmpty()) {
            throw new IllegalStateException("a member needs an enclosing object or array");
        }
        separate();
        string(name);
        out.append(": ");
    }

    private void separate() {
        if (hasMembers.peek()) {
            out.append(',');
        }
        hasMembers.pop();
        hasMembers.push(true);
        newline();
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(hasMembers.size()));
    }

    private void number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
