package io.easel.server.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time a server has used so far, from /proc: user + system time of its process and every descendant, plus any
 * other process trees named (Easel's embedded PostgreSQL detaches from the JVM, and its work is Easel's work too).
 */
final class ProcessCpu {

    /** Linux reports process times in clock ticks of 1/100 s on every common kernel (getconf CLK_TCK). */
    private static final double TICKS_PER_SECOND = 100;

    private final List<Long> roots;

    ProcessCpu(List<Long> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Seconds of CPU used by the trees so far. */
    double seconds() throws IOException {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    // after "pid (comm) ": state ppid ... utime is field 14 and stime field 15 of the whole line
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(process.getFileName().toString());
                    parents.put(pid, Long.parseLong(fields[1]));
                    ticks.put(pid, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        Set<Long> tree = new HashSet<>(roots);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (var entry : parents.entrySet()) {
                if (!tree.contains(entry.getKey()) && tree.contains(entry.getValue())) {
                    tree.add(entry.getKey());
                    grew = true;
                }
            }
        }
        long sum = 0;
        for (long pid : tree) {
            sum += ticks.getOrDefault(pid, 0L);
        }
        return sum / TICKS_PER_SECOND;
    }

    /** Process ids from a comma-separated list, blanks ignored. */
    static List<Long> pids(String list) {
        List<Long> pids = new ArrayList<>();
        for (String part : list.split(",")) {
            if (!part.isBlank()) {
                pids.add(Long.parseLong(part.strip()));
            }
        }
        return pids;
    }
}
