package io.easel.server.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UserRepository extends JpaRepository<UserEntity, UUID> {

    Optional<UserEntity> findByUsername(String username);

    Optional<UserEntity> findByOidcIssuerAndOidcSubject(String issuer, String subject);

    List<UserEntity> findAllByOrderByUsername();
}
