package io.easel.server.web;

import io.easel.server.settings.LimitSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of every REST request at its endpoint's limit ({@link LimitSettings}) while it is read, not after: a
 * declared length beyond the limit is answered 413 before a byte is read (with {@code Expect: 100-continue} the client
 * does not even send it), and a body without a declared length is cut off as soon as it passes the limit.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    /** A limit for the requests whose path {@code applies}; the first that matches applies. */
    private record Limit(Predicate<String> applies, long bytes, String setting) {

        static Limit under(String prefix, DataSize limit, String setting) {
            return new Limit(path -> path.startsWith(prefix), limit.toBytes(), setting);
        }
    }

    /** Where files are uploaded into a workspace. */
    private static final Pattern UPLOADS = Pattern.compile("/api/workspaces/[^/]+/uploads/?");

    private final List<Limit> limits;
    private final Limit otherwise;

    RequestBodyLimit(LimitSettings settings) {
        this.limits = List.of(
                Limit.under("/api/score/", settings.scoringBody(), "easel.limits.scoring-body"),
                Limit.under("/api/engine/", settings.engineEventsBody(), "easel.limits.engine-events-body"),
                Limit.under("/api/experiments", settings.experimentBody(), "easel.limits.experiment-body"),
                new Limit(path -> UPLOADS.matcher(path).matches(), settings.uploadBody().toBytes(),
                        "easel.limits.upload-body"));
        this.otherwise = Limit.under("/", settings.requestBody(), "easel.limits.request-body");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Limit limit = limits.stream().filter(l -> l.applies().test(path)).findFirst().orElse(otherwise);
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            ProblemJson.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body is " + declared + " bytes; this endpoint accepts at most " + limit.bytes()
                            + " (" + limit.setting() + ")", request.getRequestURI());
            return;
        }
        Limited limited = new Limited(request, limit);
        chain.doFilter(limited, response);
        limited.drainUnread();
    }

    /** The request, its body readable up to the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final Limit limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }

        /**
         * A body refused before it was read to the end (malformed, a NUL character early on) is read to its end, up
         * to the limit, and dropped: Tomcat closes the connection after a 400 or 413, and closing it under a client
         * still sending makes the client lose the answer.
         */
        void drainUnread() {
            if (stream instanceof CountingStream counting) {
                counting.drain();
            }
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts what is read and refuses to go past the limit. */
    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final Limit limit;
        private long read;

        CountingStream(ServletInputStream in, Limit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        /** Reads and drops what is left of the body, as long as it stays within the limit. */
        void drain() {
            byte[] buffer = new byte[8192];
            try {
                while (!in.isFinished() && read <= limit.bytes()) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        return;
                    }
                    read += n;
                }
            } catch (IOException | IllegalStateException gone) {
                // the client went away, or the body cannot be read any more: nothing left to drain
            }
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit.bytes()) {
                throw new BodyTooLargeException(limit.bytes(), limit.setting());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
