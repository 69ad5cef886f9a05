package io.easel.studio.editor;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.RangeInput;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.easel.studio.canvas.ChartOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * A binary classifier at the threshold the user slides to: precision, recall, F1 and accuracy as tiles and the 2 × 2
 * confusion matrix, all read from the confusion the engine counted at each threshold, so sliding never waits for
 * Spark. The slider steps through the thresholds the engine counted (every hundredth of a probability).
 */
final class ThresholdExplorer extends Div {

    /** How often a dragged slider reports, in milliseconds: smooth, without a request per pixel. */
    private static final int SLIDE_REPORT_INTERVAL = 80;

    private static final Map<String, ToDoubleFunction<ChartData.Cut>> RATES = rates();

    private final List<ChartData.Cut> cuts;
    private final Locale locale;
    private final RangeInput slider = new RangeInput(ValueChangeMode.TIMEOUT);
    private final Span threshold = new Span();
    private final Map<String, Span> rateValues = new LinkedHashMap<>();
    private final CountsMatrix matrix;

    /**
     * @param cuts the confusion at each threshold, in increasing order of threshold
     * @param initial the threshold to start at (the report's own); the nearest counted one is taken
     * @param positiveLabel the label the score is the probability of
     * @param title a metric's title by its name, in the UI's language
     */
    ThresholdExplorer(List<ChartData.Cut> cuts, double initial, String positiveLabel, Function<String, String> title,
            Locale locale, ChartOption.Texts texts) {
        this.cuts = cuts;
        this.locale = locale;
        addClassName("threshold-explorer");
        int start = IntStream.range(0, cuts.size()).boxed()
                .min(Comparator.comparingDouble(i -> Math.abs(cuts.get(i).threshold() - initial))).orElseThrow();

        slider.addClassName("threshold-slider");
        slider.setMin(0);
        slider.setMax(cuts.size() - 1);
        slider.setStep(1.0);
        slider.setAriaLabel(getTranslation("results.threshold"));
        slider.setValueChangeTimeout(SLIDE_REPORT_INTERVAL);
        slider.setValue((double) start);
        slider.addValueChangeListener(e -> show(index(e.getValue())));
        // While sliding, the value is reported at most every interval; where the slider comes to rest is reported by
        // the change event the browser fires then, so the view never stays one step behind.
        slider.getElement().addPropertyChangeListener("value", "change", e -> { });
        Span name = new Span(getTranslation("results.threshold"));
        name.addClassName("threshold-name");
        threshold.addClassName("threshold-value");
        Span hint = new Span(getTranslation("results.threshold.hint", positiveLabel));
        hint.addClassName("threshold-hint");
        Div control = new Div(name, slider, threshold);
        control.addClassName("threshold-control");

        Div tiles = new Div();
        tiles.addClassName("metric-tiles");
        RATES.keySet().forEach(rate -> {
            Span value = new Span();
            rateValues.put(rate, value);
            tiles.add(ReportView.tile(rate, title.apply(rate), value));
        });

        List<String> labels = List.of(getTranslation("results.threshold.negative", positiveLabel), positiveLabel);
        matrix = new CountsMatrix(labels, cuts.get(start).matrix(), new ChartOption.Axes(
                getTranslation("results.threshold.predicted"), getTranslation("results.threshold.actual")), texts);
        add(control, hint, tiles, matrix);
        show(start);
    }

    private static Map<String, ToDoubleFunction<ChartData.Cut>> rates() {
        Map<String, ToDoubleFunction<ChartData.Cut>> rates = new LinkedHashMap<>();
        rates.put("precision", ChartData.Cut::precision);
        rates.put("recall", ChartData.Cut::recall);
        rates.put("f1", ChartData.Cut::f1);
        rates.put("accuracy", ChartData.Cut::accuracy);
        return rates;
    }

    /** The slider's position as an index of {@link #cuts}, kept inside them whatever the page sends. */
    private int index(Double value) {
        return value == null || value.isNaN() ? 0 : (int) Math.clamp(Math.round(value), 0, cuts.size() - 1);
    }

    private void show(int index) {
        ChartData.Cut cut = cuts.get(index);
        threshold.setText(MetricFormat.fraction(cut.threshold(), locale));
        getElement().setAttribute("data-threshold", String.valueOf(cut.threshold()));
        RATES.forEach((rate, of) -> rateValues.get(rate).setText(MetricFormat.format(of.applyAsDouble(cut),
                locale)));
        matrix.show(cut.matrix());
    }
}
