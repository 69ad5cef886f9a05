package io.easel.server.settings;

import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataRootsConfiguration {

    /** Where runs may read data files: validation checks path params against them, and engines get them. */
    @Bean
    DataRoots dataRoots(DataSettings data, EaselProperties easel) {
        return data.dataRoots(easel);
    }

    /** The data roots of each workspace's runs: the server's, with the workspace's own uploads. */
    @Bean
    WorkspaceDataRoots workspaceDataRoots(DataRoots dataRoots, DataSettings data, EaselProperties easel) {
        return new WorkspaceDataRoots(dataRoots, data.uploadsArea(easel));
    }

    /** The database connections nodes may name: validation checks names against them, and engines get them. */
    @Bean
    JdbcConnections jdbcConnections(ConnectionSettings settings) {
        return settings.jdbcConnections();
    }
}
