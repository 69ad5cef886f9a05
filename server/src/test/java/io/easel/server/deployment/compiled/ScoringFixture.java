package io.easel.server.deployment.compiled;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.dmg.pmml.DataType;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;

/**
 * A model Easel exported (test resources {@code models/…/model.pmml}) with the bundled dataset it was trained on,
 * loaded as the server loads it, and its rows prepared as scoring requests are: every row as it is, every row with
 * one input missing in turn, and every row with one text input set to a category the model never saw.
 */
public record ScoringFixture(String model, String dataset) {

    public static final String UNSEEN = "a category never seen in training";
    /** The bundled datasets; the server's class path holds only the catalog of the components module. */
    private static final Path DATASETS = Path.of("..", "components", "builtin", "src", "main", "resources", "io",
            "easel", "components", "datasets");

    /** The fixtures {@code ScoringFixtures} wrote: one directory per model, each with its {@value #DECLARATION}. */
    private static final String CATALOG_MODELS = "compiled";
    private static final String DECLARATION = "fixture.properties";

    @Override
    public String toString() {
        return model + " on " + dataset;
    }

    /**
     * Every model of {@code models/compiled}, a catalog learner trained on a bundled dataset (see the README there),
     * found by listing the directory: a fixture written there is tested without naming it in a test.
     */
    public static List<ScoringFixture> ofCatalogLearners() {
        try (Stream<Path> directories = Files.list(Path.of(ScoringFixture.class.getResource("/models/"
                + CATALOG_MODELS).toURI()))) {
            return directories.filter(Files::isDirectory).map(directory -> CATALOG_MODELS + "/"
                    + directory.getFileName()).sorted()
                    .map(model -> new ScoringFixture(model, declaration(model).getProperty("dataset"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The catalog learner that trained the model, as its {@value #DECLARATION} names it. */
    public String learner() {
        return declaration(model).getProperty("learner");
    }

    private static Properties declaration(String model) {
        Properties declaration = new Properties();
        try (InputStream in = resource("/models/" + model + "/" + DECLARATION)) {
            declaration.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return declaration;
    }

    public Evaluator evaluator() {
        try (InputStream pmml = resource("/models/" + model + "/model.pmml")) {
            Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(pmml).build();
            evaluator.verify();
            return evaluator;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load " + model, e);
        }
    }

    /** The dataset's rows as raw records, values typed as the model's inputs are. */
    public List<Map<String, Object>> rows(Evaluator evaluator) {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(DATASETS.resolve(dataset + ".csv"),
                StandardCharsets.UTF_8)) {
            List<String> header = List.of(reader.readLine().split(","));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",", -1);
                Map<String, Object> row = new LinkedHashMap<>();
                for (InputField input : evaluator.getInputFields()) {
                    String cell = cells[header.indexOf(input.getName())];
                    row.put(input.getName(), cell.isEmpty() ? null : typed(cell, input.getDataType()));
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The rows as they are, then with one input missing, then with one text input unseen; prepared. */
    List<Map<String, FieldValue>> records(Evaluator evaluator) {
        List<Map<String, Object>> rows = rows(evaluator);
        List<InputField> inputs = evaluator.getInputFields();
        List<Map<String, Object>> raw = new ArrayList<>(rows);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> missing = new LinkedHashMap<>(rows.get(i));
            missing.put(inputs.get(i % inputs.size()).getName(), null);
            raw.add(missing);
            List<InputField> texts = inputs.stream().filter(input -> input.getDataType() == DataType.STRING)
                    .toList();
            if (!texts.isEmpty()) {
                Map<String, Object> unseen = new LinkedHashMap<>(rows.get(i));
                unseen.put(texts.get(i % texts.size()).getName(), UNSEEN);
                raw.add(unseen);
            }
        }
        List<Map<String, FieldValue>> records = new ArrayList<>();
        for (Map<String, Object> record : raw) {
            prepared(evaluator, record).ifPresent(records::add);
        }
        return records;
    }

    /** As scoring prepares it; empty when the model refuses a value (a strict model's unseen category: a 422). */
    static java.util.Optional<Map<String, FieldValue>> prepared(Evaluator evaluator, Map<String, Object> record) {
        Map<String, FieldValue> arguments = new LinkedHashMap<>();
        try {
            for (InputField input : evaluator.getInputFields()) {
                arguments.put(input.getName(), input.prepare(record.get(input.getName())));
            }
        } catch (RuntimeException refused) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(arguments);
    }

    private static Object typed(String cell, DataType type) {
        return switch (type) {
            case INTEGER -> (int) Double.parseDouble(cell);
            case DOUBLE -> Double.parseDouble(cell);
            default -> cell;
        };
    }

    private static InputStream resource(String path) {
        InputStream stream = ScoringFixture.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("No test resource " + path);
        }
        return stream;
    }
}
