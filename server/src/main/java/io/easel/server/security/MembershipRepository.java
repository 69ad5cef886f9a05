package io.easel.server.security;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipRepository extends JpaRepository<MembershipEntity, MembershipKey> {

    List<MembershipEntity> findByKeyUserId(UUID userId);

    List<MembershipEntity> findByKeyWorkspaceId(UUID workspaceId);
}
