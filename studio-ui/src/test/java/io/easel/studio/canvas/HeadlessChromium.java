package io.easel.studio.canvas;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver driven by Selenium, with nothing downloaded (no Selenium Manager). Paths can be
 * changed with {@code -Deasel.test.chromium=...} and {@code -Deasel.test.chromedriver=...}.
 */
final class HeadlessChromium {

    private HeadlessChromium() {}

    static ChromeDriver start() throws IOException {
        File chromium = new File(System.getProperty("easel.test.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("easel.test.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium at " + chromium + " and chromedriver at "
                    + chromedriver + " (Debian: apt-get install -y chromium chromium-driver)");
        }
        Path profile = Files.createTempDirectory("easel-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,900", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath(),
                // Sharper screenshots for looking at details: -Deasel.test.scale=2
                "--force-device-scale-factor=" + System.getProperty("easel.test.scale", "1"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Saves a PNG of the page under target/screenshots. */
    static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
