package io.heed.directory.csv;

import io.heed.platform.error.Refusal;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading, with a 413, once a request body passes the configured import size. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > limit) {
            throw new EmployeeCsv.ApiIOException(tooLarge(limit));
        }
    }

    static Refusal tooLarge(long limit) {
        return Refusal.tooLarge(
                "The file is larger than the import limit of " + limit + " bytes (heed.directory.import.max-size).");
    }
}
