package io.easel.server.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Easel's scoring against Openscoring's, side by side on one machine: the same PMML (a GBDT Easel trains on
 * breast_cancer), the same rows, the same load generator ({@link LoadRun}), interleaved rounds (Easel, Openscoring,
 * then Openscoring, Easel, …) so that whatever else the machine does weighs on both alike. Prints requests and
 * records per second, p50/p99 latency and records per CPU-second of each server's processes. Not a test: run by
 * {@code server/scoring-benchmark.sh}, which starts both servers (see docs/benchmarks.md).
 * <p>
 * Arguments ({@code --name=value}): {@code easel} and {@code openscoring} (base URLs), {@code easel-pids} and
 * {@code openscoring-pids} (comma-separated process ids whose process trees count as the server's CPU),
 * {@code admin-password}, {@code dataset} (breast_cancer.csv), and optionally {@code seconds} (measured per round,
 * 5), {@code rounds} (2), {@code warm-up} (seconds before the first round, 15), {@code trees} (100).
 */
public final class ScoringBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 100;
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private record Server(String name, LoadRun load, byte[][] single, byte[][] batches) {}

    private record Scenario(String title, boolean batches, int connections) {}

    private ScoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "5")));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", "15")));
        int trees = Integer.parseInt(options.getOrDefault("trees", "100"));
        String easelUrl = options.get("easel");
        String openscoringUrl = options.get("openscoring");

        BenchmarkModel model = new BenchmarkModel(easelUrl, options.get("admin-password"));
        byte[] pmml = model.deployOnEasel(trees);
        model.deployOnOpenscoring(openscoringUrl, pmml);
        String key = model.newApiKey();
        System.out.printf(Locale.ROOT, "PMML: %,d bytes, %d trees; deployed as %s on both servers%n", pmml.length,
                countTrees(pmml), BenchmarkModel.DEPLOYMENT);

        List<Map<String, Object>> rows = rows(Path.of(options.get("dataset")));
        Server easel = easel(easelUrl, key, rows, new ProcessCpu(ProcessCpu.pids(options.get("easel-pids"))));
        Server openscoring = openscoring(openscoringUrl, rows,
                new ProcessCpu(ProcessCpu.pids(options.get("openscoring-pids"))));
        for (Server server : List.of(easel, openscoring)) {
            try (KeepAliveConnection connection = connection(server == easel ? easelUrl : openscoringUrl)) {
                KeepAliveConnection.Answer answer = connection.exchange(server.single()[0], true);
                System.out.println(server.name() + " answers the first row: " + answer.status() + " "
                        + answer.body());
                if (answer.status() != 200) {
                    throw new IllegalStateException(server.name() + " cannot score the benchmark's rows");
                }
            }
        }

        List<Scenario> scenarios = List.of(new Scenario("single record, 8 connections", false, 8),
                new Scenario("single record, 32 connections", false, 32),
                new Scenario("batches of " + BATCH + ", 8 connections", true, 8));
        System.out.printf(Locale.ROOT, "Warming up both servers (%d s each), load average %s%n",
                warmUp.toSeconds(), loadAverage());
        for (Server server : List.of(easel, openscoring)) {
            server.load().run(new LoadRun.Plan(server.single(), 1, 8, 0, warmUp.dividedBy(2), SETTLE));
            server.load().run(new LoadRun.Plan(server.batches(), BATCH, 8, 0, warmUp.dividedBy(2), SETTLE));
        }

        Map<Scenario, Map<String, List<LoadRun.Result>>> results = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<Server> order = round % 2 == 0 ? List.of(easel, openscoring) : List.of(openscoring, easel);
            for (Scenario scenario : scenarios) {
                for (Server server : order) {
                    LoadRun.Result result = server.load().run(new LoadRun.Plan(
                            scenario.batches() ? server.batches() : server.single(), scenario.batches() ? BATCH : 1,
                            scenario.connections(), 0, SETTLE, measured));
                    results.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                            .computeIfAbsent(server.name(), s -> new ArrayList<>()).add(result);
                    System.out.printf(Locale.ROOT, "  round %d, %-32s %-12s %,10.0f req/s%n", round + 1,
                            scenario.title(), server.name(), result.requestsPerSecond());
                }
            }
        }

        // Latency at half of Easel's peak single-record rate, paced (the p99 target), for both servers.
        double peak = scenarios.stream().filter(s -> !s.batches())
                .mapToDouble(s -> LoadRun.Result.merge(results.get(s).get(easel.name())).requestsPerSecond())
                .max().orElseThrow();
        Scenario paced = new Scenario(String.format(Locale.ROOT, "single record paced at %.0f/s (half of Easel's "
                + "peak), 8 connections", peak / 2), false, 8);
        for (int round = 0; round < rounds; round++) {
            for (Server server : round % 2 == 0 ? List.of(easel, openscoring) : List.of(openscoring, easel)) {
                results.computeIfAbsent(paced, s -> new LinkedHashMap<>())
                        .computeIfAbsent(server.name(), s -> new ArrayList<>())
                        .add(server.load().run(new LoadRun.Plan(server.single(), 1, 8, peak / 2, SETTLE, measured)));
            }
        }
        print(results);
        System.out.println("Load average after: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
                + " CPUs)");
    }

    private static void print(Map<Scenario, Map<String, List<LoadRun.Result>>> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %12s %12s %9s %9s %12s %8s%n", "", "req/s", "records/s", "p50 ms",
                "p99 ms", "rec/CPU-s", "errors");
        results.forEach((scenario, byServer) -> {
            System.out.println(scenario.title());
            byServer.forEach((server, rounds) -> {
                LoadRun.Result all = LoadRun.Result.merge(rounds);
                System.out.printf(Locale.ROOT, "%-12s %,12.0f %,12.0f %9.2f %9.2f %,12.0f %8d%n", server,
                        all.requestsPerSecond(), all.recordsPerSecond(), all.percentileMillis(0.50),
                        all.percentileMillis(0.99), all.recordsPerCpuSecond(), all.errors());
            });
        });
    }

    private static Server easel(String url, String key, List<Map<String, Object>> rows, ProcessCpu cpu) {
        URI base = URI.create(url);
        String path = "/api/score/" + BenchmarkModel.DEPLOYMENT;
        String authorization = "Bearer " + key;
        byte[][] single = rows.stream().map(row -> KeepAliveConnection.post(base.getHost(), base.getPort(), path,
                authorization, "application/json", json(row))).toArray(byte[][]::new);
        byte[][] batches = batches(rows).stream().map(batch -> KeepAliveConnection.post(base.getHost(),
                base.getPort(), path, authorization, "application/json", json(batch))).toArray(byte[][]::new);
        return new Server("Easel", new LoadRun(base.getHost(), base.getPort(), cpu), single, batches);
    }

    private static Server openscoring(String url, List<Map<String, Object>> rows, ProcessCpu cpu) {
        URI base = URI.create(url);
        String path = "/openscoring/model/" + BenchmarkModel.DEPLOYMENT;
        List<Map<String, Object>> requests = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            requests.add(Map.of("id", "r" + i, "arguments", rows.get(i)));
        }
        byte[][] single = requests.stream().map(request -> KeepAliveConnection.post(base.getHost(), base.getPort(),
                path, null, "application/json", json(request))).toArray(byte[][]::new);
        List<List<Map<String, Object>>> groups = batches(requests);
        byte[][] batches = new byte[groups.size()][];
        for (int i = 0; i < groups.size(); i++) {
            batches[i] = KeepAliveConnection.post(base.getHost(), base.getPort(), path + "/batch", null,
                    "application/json", json(Map.of("id", "b" + i, "requests", groups.get(i))));
        }
        return new Server("Openscoring", new LoadRun(base.getHost(), base.getPort(), cpu), single, batches);
    }

    /** Consecutive groups of {@value #BATCH}, wrapping round so that every group is full. */
    private static <T> List<List<T>> batches(List<T> items) {
        List<List<T>> groups = new ArrayList<>();
        for (int start = 0; start < items.size(); start += BATCH) {
            List<T> group = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                group.add(items.get((start + i) % items.size()));
            }
            groups.add(group);
        }
        return groups;
    }

    /** The dataset's rows without the label, numbers as numbers. */
    private static List<Map<String, Object>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.getFirst().split(",");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                if (!header[i].equals(BenchmarkModel.LABEL)) {
                    row.put(header[i], cells[i].isEmpty() ? null : Double.parseDouble(cells[i]));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static byte[] json(Object value) {
        return JSON.writeValueAsBytes(value);
    }

    private static int countTrees(byte[] pmml) {
        String text = new String(pmml, StandardCharsets.UTF_8);
        int trees = 0;
        for (int at = text.indexOf("<TreeModel"); at >= 0; at = text.indexOf("<TreeModel", at + 1)) {
            trees++;
        }
        return trees;
    }

    private static KeepAliveConnection connection(String url) {
        URI base = URI.create(url);
        return new KeepAliveConnection(base.getHost(), base.getPort());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        for (String required : List.of("easel", "openscoring", "easel-pids", "openscoring-pids", "admin-password",
                "dataset")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("--" + required + "=… is required");
            }
        }
        return options;
    }
}
