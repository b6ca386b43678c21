package org.jbp.sfsim;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** How a simulator starts: where it listens, who may log in, its limits, its clock and its initial data. */
public final class SimulatorConfig {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String organizationName;
    private final long dailyApiLimit;
    private final int maxOpenCursors;
    private final Duration cursorTimeout;
    private final Duration sessionTimeout;
    private final Clock clock;
    private final int threads;
    private final Consumer<Org> setup;

    private SimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.username = b.username;
        this.password = b.password;
        this.organizationName = b.organizationName;
        this.dailyApiLimit = b.dailyApiLimit;
        this.maxOpenCursors = b.maxOpenCursors;
        this.cursorTimeout = b.cursorTimeout;
        this.sessionTimeout = b.sessionTimeout;
        this.clock = b.clock;
        this.threads = b.threads;
        this.setup = b.setup;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String organizationName() {
        return organizationName;
    }

    public long dailyApiLimit() {
        return dailyApiLimit;
    }

    public int maxOpenCursors() {
        return maxOpenCursors;
    }

    public Duration cursorTimeout() {
        return cursorTimeout;
    }

    public Duration sessionTimeout() {
        return sessionTimeout;
    }

    public Clock clock() {
        return clock;
    }

    public int threads() {
        return threads;
    }

    public Consumer<Org> setup() {
        return setup;
    }

    /** Defaults: 127.0.0.1, an ephemeral port, admin@jbp.demo / demo, a limit of 1,000,000 calls a day. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String username = "admin@jbp.demo";
        private String password = "demo";
        private String organizationName = "JBP Demo Org";
        private long dailyApiLimit = 1_000_000;
        private int maxOpenCursors = 10;
        private Duration cursorTimeout = Duration.ofMinutes(15);
        private Duration sessionTimeout = Duration.ofHours(2);
        private Clock clock = Clock.systemUTC();
        private int threads = 16;
        private Consumer<Org> setup = org -> { };

        private Builder() {
        }

        /** 0 picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        public Builder username(String username) {
            this.username = Objects.requireNonNull(username);
            return this;
        }

        /** The exact password accepted at login (no security token is appended or stripped). */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password);
            return this;
        }

        public Builder organizationName(String name) {
            this.organizationName = Objects.requireNonNull(name);
            return this;
        }

        public Builder dailyApiLimit(long limit) {
            this.dailyApiLimit = limit;
            return this;
        }

        /** Open query cursors per org before the oldest is invalidated (Salesforce allows 10 per user). */
        public Builder maxOpenCursors(int max) {
            this.maxOpenCursors = max;
            return this;
        }

        public Builder cursorTimeout(Duration timeout) {
            this.cursorTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder sessionTimeout(Duration timeout) {
            this.sessionTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** The clock behind TODAY, THIS_QUARTER, CreatedDate ...; fixed clocks make date tests stable. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        /** Runs on the new org before the server accepts calls, e.g. {@code org -> OrgGenerator.generate(org, spec)}. */
        public Builder setup(Consumer<Org> setup) {
            this.setup = Objects.requireNonNull(setup);
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
