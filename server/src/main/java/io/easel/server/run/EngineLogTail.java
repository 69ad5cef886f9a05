package io.easel.server.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of an engine log, read from its end so a huge log costs no more than a small one. */
final class EngineLogTail {

    private static final int MAX_BYTES = 16 * 1024;

    private EngineLogTail() {}

    static List<String> read(Path file, int lines) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            if (size < length && !all.isEmpty()) {
                all = all.subList(1, all.size()); // the first line was cut
            }
            all = all.stream().filter(l -> !l.isBlank()).toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        }
    }
}
