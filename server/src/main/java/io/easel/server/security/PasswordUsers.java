package io.easel.server.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Finds users for the login form and HTTP Basic; users without a password (identity provider only) have none. */
@Component
class PasswordUsers implements UserDetailsService {

    private final UserRepository users;

    PasswordUsers(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username == null ? "" : username.strip())
                .filter(user -> user.passwordHash() != null)
                .map(PasswordUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("No user '" + username + "' with a password"));
    }
}
