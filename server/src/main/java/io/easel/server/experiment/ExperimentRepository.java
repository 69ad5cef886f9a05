package io.easel.server.experiment;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExperimentRepository extends JpaRepository<ExperimentEntity, UUID> {

    List<ExperimentEntity> findByWorkspaceIdOrderByUpdatedAtDesc(UUID workspaceId);
}
