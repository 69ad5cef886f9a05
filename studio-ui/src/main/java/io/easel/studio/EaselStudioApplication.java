package io.easel.studio;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import io.easel.server.EaselServerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Easel studio: the REST API of {@link EaselServerApplication} plus the Vaadin UI. This is what users start
 * ({@code java -jar studio-ui/target/easel.jar}). Server push is on so run states reach the canvas as they happen.
 */
@SpringBootApplication
@Import(EaselServerApplication.class)
@Push
@StyleSheet(Lumo.STYLESHEET)
public class EaselStudioApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(EaselStudioApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Easel");
    }
}
