package io.easel.server.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Roles are stored as their lower-case codes, which the tables' CHECK constraints name. */
@Converter
class WorkspaceRoleColumn implements AttributeConverter<WorkspaceRole, String> {

    @Override
    public String convertToDatabaseColumn(WorkspaceRole role) {
        return role == null ? null : role.code();
    }

    @Override
    public WorkspaceRole convertToEntityAttribute(String code) {
        return code == null ? null : WorkspaceRole.of(code);
    }
}
