package io.easel.server.security;

import io.easel.server.settings.StudioOnly;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator when the studio starts on a database without users, before it takes requests. The
 * password is {@code easel.security.admin-password} when set; otherwise a random one, printed to the log this once.
 * There is no default password. Serving replicas never create users: they share the studio's.
 */
@Component
@StudioOnly
class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    /** The log line a person (or a test) reads the generated password from. */
    static final String GENERATED = "Easel created the first administrator '{}' with the generated password:";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final SecurityProperties settings;
    private final TransactionTemplate transaction;

    FirstAdministrator(UserRepository users, PasswordEncoder passwords, SecurityProperties settings,
            PlatformTransactionManager transactions) {
        this.users = users;
        this.passwords = passwords;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> createIfNoUsers());
    }

    private void createIfNoUsers() {
        if (users.count() > 0) {
            if (settings.adminPassword() != null) {
                log.info("easel.security.admin-password is only read when the first administrator is created; users "
                        + "exist already, so it was ignored");
            }
            return;
        }
        String username = UserService.checkUsername(settings.adminUsername());
        boolean configured = settings.adminPassword() != null && !settings.adminPassword().isBlank();
        if (configured && settings.adminPassword().length() < SecurityProperties.MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("easel.security.admin-password must have at least "
                    + SecurityProperties.MIN_PASSWORD_LENGTH + " characters");
        }
        String password = configured ? settings.adminPassword() : Secrets.newSecret().substring(0, 24);
        users.save(UserEntity.withPassword(username, "Administrator", passwords.encode(password), true,
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
        if (configured) {
            log.info("Easel created the first administrator '{}' with the password from easel.security.admin-password",
                    username);
        } else {
            log.warn("\n\n    " + GENERATED + "\n\n        {}\n\n    It is shown only this once: sign in and change it "
                    + "(PUT /api/me/password), or set easel.security.admin-password before the first start.\n",
                    username, password);
        }
    }
}
