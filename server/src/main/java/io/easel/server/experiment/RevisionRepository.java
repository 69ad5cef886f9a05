package io.easel.server.experiment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface RevisionRepository extends JpaRepository<RevisionEntity, RevisionKey> {

    List<RevisionEntity> findByKeyExperimentIdOrderByKeyNumberDesc(UUID experimentId);

    Optional<RevisionEntity> findFirstByKeyExperimentIdOrderByKeyNumberDesc(UUID experimentId);
}
