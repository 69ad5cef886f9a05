package io.easel.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title, description and sign-in schemes of the OpenAPI document at /v3/api-docs (Swagger UI at
 * /swagger-ui.html).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String API_KEY = "apiKey";
    private static final String PASSWORD = "password";
    private static final String SESSION = "browserSession";

    @Bean
    OpenAPI easelOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Easel API")
                .version("0.1")
                .description("Build machine-learning experiments as graphs of components, run them on Spark, and "
                        + "serve the trained models. Errors are RFC 9457 problem details; a run refused for an "
                        + "invalid experiment (422) lists its errors by node, param and port.\n\n"
                        + "Every endpoint needs a sign-in (401 otherwise): an API key (`Authorization: Bearer "
                        + "easel_…`), a user name and password (HTTP Basic), or the session of a browser signed in "
                        + "to the studio (changes then need the XSRF-TOKEN cookie echoed as X-XSRF-TOKEN).\n\n"
                        + "Experiments, runs, models and deployments belong to one workspace. Things addressed by "
                        + "id are found in any workspace you may see; lists, new experiments and deployment names "
                        + "work in the workspace the `Easel-Workspace` header names (default: an API key's own, "
                        + "else `default` or your first). Things of workspaces you may not see answer 404; what "
                        + "your role does not allow (a viewer editing) answers 403.")
                .license(new License().name("AGPL-3.0-only").url("https://www.gnu.org/licenses/agpl-3.0.txt")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API key of a workspace (easel_…)"))
                        .addSecuritySchemes(PASSWORD, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A user name and password"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The session of a browser signed in to the studio")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY))
                .addSecurityItem(new SecurityRequirement().addList(PASSWORD))
                .addSecurityItem(new SecurityRequirement().addList(SESSION));
    }
}
