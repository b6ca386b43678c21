package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This instance's name in the lease and in run records: host and process, unique per start. */
@ApplicationScoped
public class SyncInstance {

    private final String id;

    public SyncInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
        this.id = name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    public String id() {
        return id;
    }
}
