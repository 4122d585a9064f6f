package io.ninep.server;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The live 9P connections, for the listener, the control plane and the admin API. */
@ApplicationScoped
public class ConnectionRegistry {
    private final ConcurrentHashMap<Long, Connection> connections = new ConcurrentHashMap<>();

    void add(Connection c) {
        connections.put(c.id(), c);
    }

    void remove(Connection c) {
        connections.remove(c.id());
    }

    public int size() {
        return connections.size();
    }

    public Collection<Connection> all() {
        return connections.values();
    }

    public Optional<Connection> byId(long id) {
        return Optional.ofNullable(connections.get(id));
    }
}
