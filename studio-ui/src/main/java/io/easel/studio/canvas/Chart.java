package io.easel.studio.canvas;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Objects;

/**
 * An Apache ECharts chart that resizes with its container. {@link #setOption} takes any ECharts option as JSON (no
 * functions); {@link ChartOption} builds the options of the chart kinds reports declare. Default size: full width,
 * 320px high.
 */
@Tag("easel-chart")
@JsModule("./easel/easel-chart.ts")
@NpmPackage(value = "echarts", version = "6.1.0")
public class Chart extends Component implements HasSize {

    private String option = "{}";

    public Chart() {
        setWidthFull();
        setHeight("320px");
        addAttachListener(event -> getElement().callJsFunction("setOption", option));
    }

    public Chart(String echartsOptionJson) {
        this();
        setOption(echartsOptionJson);
    }

    /** Replaces the chart's whole option, an ECharts option object as JSON. */
    public void setOption(String echartsOptionJson) {
        this.option = Objects.requireNonNull(echartsOptionJson, "echartsOptionJson");
        if (isAttached()) {
            getElement().callJsFunction("setOption", option);
        }
    }

    public String getOption() {
        return option;
    }
}
