package io.easel.server.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * One load run against one server: {@code connections} keep-alive connections, each with its own thread sending the
 * next request as soon as the last is answered (closed loop), or at a fixed overall rate (paced: latency then counts
 * from when a request was due, so a stalled server cannot hide its queue). A warm-up first, then the measured part,
 * with the server's CPU time read before and after.
 */
final class LoadRun {

    /** What a run measured. */
    record Result(long requests, long records, long errors, double seconds, double cpuSeconds, long[] latencies) {

        double requestsPerSecond() {
            return requests / seconds;
        }

        double recordsPerSecond() {
            return records / seconds;
        }

        double recordsPerCpuSecond() {
            return cpuSeconds <= 0 ? Double.NaN : records / cpuSeconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            return latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)] / 1e6;
        }

        /** Several rounds' results as one. */
        static Result merge(List<Result> results) {
            long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
            return new Result(results.stream().mapToLong(Result::requests).sum(),
                    results.stream().mapToLong(Result::records).sum(), results.stream().mapToLong(Result::errors).sum(),
                    results.stream().mapToDouble(Result::seconds).sum(),
                    results.stream().mapToDouble(Result::cpuSeconds).sum(), all);
        }
    }

    /**
     * @param requests the requests to cycle through
     * @param recordsPerRequest records each request scores
     * @param rate requests per second over all connections, or 0 for a closed loop
     */
    record Plan(byte[][] requests, int recordsPerRequest, int connections, double rate, Duration warmUp,
            Duration measured) {}

    private static final int WARMING = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private final String host;
    private final int port;
    private final ProcessCpu cpu;
    private volatile int phase = WARMING;
    private volatile long pacedStart;

    LoadRun(String host, int port, ProcessCpu cpu) {
        this.host = host;
        this.port = port;
        this.cpu = cpu;
    }

    Result run(Plan plan) throws IOException, InterruptedException {
        phase = WARMING;
        pacedStart = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < plan.connections(); i++) {
            workers.add(new Worker(plan, i));
        }
        List<Thread> threads = workers.stream().map(w -> Thread.ofPlatform().daemon().start(w)).toList();
        Thread.sleep(plan.warmUp().toMillis());
        double cpuBefore = cpu.seconds();
        long start = System.nanoTime();
        phase = MEASURING;
        Thread.sleep(plan.measured().toMillis());
        phase = STOPPED;
        long end = System.nanoTime();
        double cpuAfter = cpu.seconds();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        long requests = workers.stream().mapToLong(w -> w.requests).sum();
        long errors = workers.stream().mapToLong(w -> w.errors).sum();
        long[] latencies = workers.stream().flatMapToLong(w -> Arrays.stream(w.latencies, 0, w.count)).sorted()
                .toArray();
        return new Result(requests, requests * plan.recordsPerRequest(), errors, (end - start) / 1e9,
                cpuAfter - cpuBefore, latencies);
    }

    private final class Worker implements Runnable {

        private final Plan plan;
        private final int index;
        long requests;
        long errors;
        long[] latencies = new long[1 << 16];
        int count;

        Worker(Plan plan, int index) {
            this.plan = plan;
            this.index = index;
        }

        @Override
        public void run() {
            byte[][] requests = plan.requests();
            // each connection walks the rows from its own offset, so concurrent requests carry different rows
            int next = index * 7919 % requests.length;
            long sent = 0;
            try (KeepAliveConnection connection = new KeepAliveConnection(host, port)) {
                while (phase != STOPPED) {
                    long due = System.nanoTime();
                    if (plan.rate() > 0) {
                        due = pacedStart + (long) ((sent * plan.connections() + index) * 1e9 / plan.rate());
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        sent++;
                    }
                    boolean measured = phase == MEASURING;
                    int status;
                    try {
                        status = connection.exchange(requests[next], false).status();
                    } catch (IOException e) {
                        status = -1;
                    }
                    long latency = System.nanoTime() - due;
                    next = (next + 1) % requests.length;
                    if (measured && phase == MEASURING) {
                        record(latency, status);
                    }
                }
            }
        }

        private void record(long latency, int status) {
            requests++;
            if (status != 200) {
                errors++;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }
    }
}
