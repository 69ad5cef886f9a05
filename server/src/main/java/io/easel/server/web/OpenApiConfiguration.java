package io.easel.server.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI easelOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Easel API")
                .version("0.1")
                .description("Build machine-learning experiments as graphs of components, run them on Spark, and "
                        + "serve the trained models. Errors are RFC 9457 problem details; a run refused for an "
                        + "invalid experiment (422) lists its errors by node, param and port.")
                .license(new License().name("AGPL-3.0-only").url("https://www.gnu.org/licenses/agpl-3.0.txt")));
    }
}
