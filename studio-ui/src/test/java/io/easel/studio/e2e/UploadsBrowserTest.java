package io.easel.studio.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 8's upload, in the browser: a read-csv node's form uploads a CSV from the user's computer into the workspace,
 * which fills the node's path with {@code {uploads}/<name>}; the experiment then runs and the node reads every row.
 */
class UploadsBrowserTest extends SignedInStudio {

    /** The bundled iris file, as a user has it on their computer. */
    private static final Path IRIS = Path.of("..", "components", "builtin", "src", "main", "resources", "io", "easel",
            "components", "datasets", "iris.csv").toAbsolutePath().normalize();

    @Test
    void shouldUploadACsvFromTheReadCsvFormAndReadItsRowsInARun() throws Exception {
        signedIn();
        String experiment = createExperimentWithAnEmptyReadCsvNode();
        browser.open(url("/experiments/" + experiment));
        browser.selectNode("data");

        WebElement fileInput = (WebElement) ((JavascriptExecutor) browser.driver).executeScript(
                "const upload = document.querySelector(\"[data-param='path'] vaadin-upload\");"
                        + " return upload.querySelector('input[type=file]')"
                        + " || upload.shadowRoot.querySelector('input[type=file]');",
                browser.find("[data-param='path'] vaadin-upload"));
        fileInput.sendKeys(IRIS.toString());
        browser.until(Duration.ofSeconds(30), d -> "{uploads}/iris.csv".equals(
                browser.find("[data-param='path'] vaadin-text-field input").getDomProperty("value")));
        assertThat(browser.find("[data-param='path'] .upload-status").getText()).contains("iris.csv");
        browser.waitForVaadin();
        browser.cleanScreenshot(SCREENSHOTS.resolve("upload.png"));

        browser.click("#save-experiment");
        browser.until(Duration.ofSeconds(10),
                d -> "false".equals(browser.find("#save-state").getAttribute("data-dirty")));
        browser.click("#run-experiment");
        browser.until(Duration.ofMinutes(5), d -> {
            if ("failed".equals(browser.nodeState("data"))) {
                throw new AssertionError("The node failed: " + browser.find("easel-canvas").getText());
            }
            return "succeeded".equals(browser.nodeState("data"));
        });
        browser.selectNode("data");
        browser.click("vaadin-tab[data-tab='results']");
        assertThat(browser.find(".node-results [data-row-count]").getAttribute("data-row-count")).isEqualTo("150");
    }

    /** One read-csv node with iris's schema and no path yet, posted through the REST API to keep the test short. */
    private String createExperimentWithAnEmptyReadCsvNode() throws Exception {
        String body = """
                {"name": "Uploaded iris", "graph": {"formatVersion": 1, "nodes": [{"id": "data",
                 "component": "read-csv", "params": {"schema": "sepal_length_cm:double, sepal_width_cm:double,
                 petal_length_cm:double, petal_width_cm:double, species:string"}, "position": {"x": 200, "y": 120}}],
                 "edges": []}}""".replace("\n", " ");
        return createExperiment(body).get("id").asString();
    }
}
