package io.easel.server.security;

import io.easel.server.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call the REST API ({@code /api/**} and the OpenAPI description): everyone must sign in, with an API key
 * ({@code Authorization: Bearer easel_…}), a user name and password (HTTP Basic), or the session of a browser signed in
 * to the studio. Health and the engine's callback (which checks its own per-run token) are open; the Prometheus
 * metrics ({@code /actuator/prometheus}) are for administrators only. Refusals are problem JSON: 401 without valid
 * credentials, 403 for what the caller may not do.
 * <p>
 * Browser protection: requests that rely on a signed-in browser session and change something need Spring's CSRF token
 * (the {@code XSRF-TOKEN} cookie echoed as {@code X-XSRF-TOKEN}); requests with their own {@code Authorization} header
 * carry no ambient credentials and need none. Cross-origin browser requests are refused unless their origin is in
 * {@code easel.security.cors-allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /** What this filter chain covers; the studio's own chain covers the rest (the UI and its login). */
    static final String[] API_PATHS = {"/api/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
        "/swagger-ui.html", "/swagger-ui/**", "/actuator/**", "/error"};

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyService keys, AuditLog audit,
            ProblemResponses problems, SecurityProperties settings, Access access) {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                        .permitAll()
                        // Swagger UI's page and scripts only; the description it loads needs a sign-in.
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/engine/runs/*/events").permitAll()
                        // Scoring metrics name every deployment of every workspace: administrators only.
                        .requestMatchers("/actuator/prometheus").access(administrators(access))
                        .anyRequest().authenticated())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, audit), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.spa().csrfTokenRequestHandler(new BrowserCsrfTokens())
                        .requireCsrfProtectionMatcher(signedInBrowserChange()))
                .cors(cors -> cors.configurationSource(cors(settings.corsAllowedOrigins())))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    /**
     * Lets administrators in (users with the admin flag, as the database has it now; never an API key). Anyone else
     * signed in gets a 403; an anonymous caller a 401.
     */
    private static AuthorizationManager<RequestAuthorizationContext> administrators(Access access) {
        return (authentication, request) -> {
            try {
                return new AuthorizationDecision(access.caller().admin());
            } catch (SignInRequiredException notSignedIn) {
                return new AuthorizationDecision(false);
            }
        };
    }

    /**
     * Changes that only a browser session authorises: the ones a forged cross-site request could make. A request
     * without a signed-in session, or with its own credentials, cannot ride on anyone's session.
     */
    private static RequestMatcher signedInBrowserChange() {
        return (HttpServletRequest request) -> {
            if (SAFE_METHODS.contains(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                return false;
            }
            HttpSession session = request.getSession(false);
            return session != null
                    && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
        };
    }

    /** Closed by default: a cross-origin request from an origin not listed is refused (403). */
    private static UrlBasedCorsConfigurationSource cors(List<String> allowedOrigins) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins);
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        api.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, WorkspaceRef.HEADER));
        // Easel-Model-Version: which model version answered a scoring request (a canary's share goes to another one).
        api.setExposedHeaders(List.of(HttpHeaders.LOCATION, "Easel-Model-Version"));
        // API keys travel in a header; cookies of a signed-in browser must never be usable from another origin.
        api.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties settings) {
        return new BCryptPasswordEncoder(settings.bcryptStrength());
    }
}
