package io.ninep.server.flush;

import io.ninep.client.ClientEvent;
import io.ninep.client.NinepClient;
import io.ninep.protocol.Rmessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every reply frame one client received, in wire order: the only order a 9P client can rely on
 * (LESSONS.md §1), so flush tests assert on positions in this log rather than on completion times.
 */
final class WireLog implements Consumer<ClientEvent> {
    static final int RLERROR = 7;
    static final int RFLUSH = 109;

    private final List<ClientEvent> events = new ArrayList<>();

    static WireLog of(NinepClient client) {
        WireLog log = new WireLog();
        client.addReplyListener(log);
        return log;
    }

    @Override
    public synchronized void accept(ClientEvent event) {
        events.add(event);
    }

    synchronized List<ClientEvent> events() {
        return List.copyOf(events);
    }

    /** The frames that carried {@code tag}, in wire order. */
    List<ClientEvent> onTag(int tag) {
        return events().stream().filter(e -> e.tag() == tag).toList();
    }

    /** Position of the first frame with this tag and type, or -1. */
    int indexOf(int tag, int type) {
        List<ClientEvent> all = events();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).tag() == tag && all.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }

    /** Frames after position {@code index} that carry one of {@code tags}. */
    List<ClientEvent> after(int index, Set<Integer> tags) {
        List<ClientEvent> all = events();
        return all.subList(index + 1, all.size()).stream().filter(e -> tags.contains(e.tag())).toList();
    }

    /** Every Rlerror carrying {@code errno}. */
    List<ClientEvent> errors(int errno) {
        return events().stream()
                .filter(e -> e.message() instanceof Rmessage.Rlerror err && err.ecode() == errno)
                .toList();
    }
}
