package org.jbp.crm.salesforce;

import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.transport.JdkHttpTransport;
import com.sforce.ws.transport.Transport;
import com.sforce.ws.transport.TransportFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WSC's own HTTP transport, counting each request it sends. Counting here, below WSC, also sees the requests WSC
 * makes by itself (the re-sent call after a session renewal, the login of a renewal), so the figure is exact.
 */
final class CountingTransportFactory implements TransportFactory {

    private final AtomicLong requests;

    CountingTransportFactory(AtomicLong requests) {
        this.requests = requests;
    }

    @Override
    public Transport createTransport() {
        return new CountingTransport(new JdkHttpTransport(), requests);
    }

    private record CountingTransport(Transport delegate, AtomicLong requests) implements Transport {

        @Override
        public void setConfig(ConnectorConfig config) {
            delegate.setConfig(config);
        }

        @Override
        public OutputStream connect(String url, String soapAction) throws IOException {
            requests.incrementAndGet();
            return delegate.connect(url, soapAction);
        }

        @Override
        public OutputStream connect(String url, HashMap<String, String> headers) throws IOException {
            requests.incrementAndGet();
            return delegate.connect(url, headers);
        }

        @Override
        public OutputStream connect(String url, HashMap<String, String> headers, boolean compress)
                throws IOException {
            requests.incrementAndGet();
            return delegate.connect(url, headers, compress);
        }

        @Override
        public InputStream getContent() throws IOException {
            return delegate.getContent();
        }

        @Override
        public boolean isSuccessful() {
            return delegate.isSuccessful();
        }
    }
}
