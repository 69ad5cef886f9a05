package io.easel.server.deployment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentRepository extends JpaRepository<DeploymentEntity, UUID> {

    Optional<DeploymentEntity> findByWorkspaceIdAndName(UUID workspaceId, String name);

    List<DeploymentEntity> findByWorkspaceIdOrderByName(UUID workspaceId);
}
