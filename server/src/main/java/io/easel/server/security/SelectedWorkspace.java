package io.easel.server.security;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A controller method that takes a {@link WorkspaceRef} gets the workspace the request works in, as
 * {@link Access#workspace(String)} resolves the {@value WorkspaceRef#HEADER} header (404 for one the caller cannot
 * see), and its OpenAPI operation documents that header.
 */
@Configuration(proxyBeanMethods = false)
class SelectedWorkspace implements WebMvcConfigurer {

    static final String DESCRIPTION = "The workspace to work in, by slug (or id). Default: an API key's own "
            + "workspace; for a user 'default' if they are in it, else their first workspace.";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(WorkspaceRef.class);
    }

    private final Access access;

    SelectedWorkspace(Access access) {
        this.access = access;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == WorkspaceRef.class;
            }

            @Override
            public WorkspaceRef resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                    NativeWebRequest request, WebDataBinderFactory binderFactory) {
                return access.workspace(request.getHeader(WorkspaceRef.HEADER));
            }
        });
    }

    @Bean
    OperationCustomizer workspaceHeaderParameter() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == WorkspaceRef.class)) {
                operation.addParametersItem(new HeaderParameter().name(WorkspaceRef.HEADER).required(false)
                        .description(DESCRIPTION).schema(new StringSchema().example(WorkspaceRef.DEFAULT_SLUG)));
            }
            return operation;
        };
    }
}
