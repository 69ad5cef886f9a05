package io.easel.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DataRootsTest {

    private static final DataRoots ROOTS = DataRoots.of(List.of("/srv/easel/data", "hdfs://NameNode:8020/datasets"),
            "/srv/easel/samples");

    @Test
    void shouldResolvePathsUnderARootToOneNormalisedLocation() {
        assertThat(ROOTS.resolve("/srv/easel/data/credit.csv").uri()).isEqualTo("file:///srv/easel/data/credit.csv");
        assertThat(ROOTS.resolve("file:///srv/easel/data//2024/credit.csv").uri())
                .isEqualTo("file:///srv/easel/data/2024/credit.csv");
        assertThat(ROOTS.resolve("file:/srv/easel/data/a.csv").uri()).isEqualTo("file:///srv/easel/data/a.csv");
        assertThat(ROOTS.resolve("FILE://localhost/srv/easel/data/a.csv").uri())
                .isEqualTo("file:///srv/easel/data/a.csv");
        assertThat(ROOTS.resolve("hdfs://namenode:8020/datasets/credit/*.parquet").uri())
                .isEqualTo("hdfs://namenode:8020/datasets/credit/*.parquet");
        assertThat(ROOTS.resolve("/srv/easel/data").uri()).isEqualTo("file:///srv/easel/data");
    }

    @Test
    void shouldCountTheSamplesDirectoryAsARootAndResolveItsPlaceholder() {
        assertThat(ROOTS.uris()).containsExactly("file:///srv/easel/data", "hdfs://namenode:8020/datasets",
                "file:///srv/easel/samples");
        assertThat(ROOTS.resolve("{samples}/iris.csv").uri()).isEqualTo("file:///srv/easel/samples/iris.csv");
        assertThat(ROOTS.resolve("/srv/easel/samples/iris.csv").path()).isEqualTo("/srv/easel/samples/iris.csv");
        assertThatThrownBy(() -> DataRoots.of(List.of("/data"), null).resolve("{samples}/iris.csv"))
                .hasMessageContaining("does not have");
    }

    @Test
    void shouldWriteUnderEveryRootButTheSamplesAndNeverARootItselfOrAPattern() {
        assertThat(ROOTS.resolveWritable("/srv/easel/data/out/scored").uri())
                .isEqualTo("file:///srv/easel/data/out/scored");
        assertThat(ROOTS.resolveWritable("hdfs://namenode:8020/datasets/out").uri())
                .isEqualTo("hdfs://namenode:8020/datasets/out");
        assertThatThrownBy(() -> ROOTS.resolveWritable("{samples}/iris.csv"))
                .hasMessageContaining("read only").hasMessageContaining("file:///srv/easel/data");
        assertThatThrownBy(() -> ROOTS.resolveWritable("/srv/easel/samples/new")).hasMessageContaining("read only");
        assertThatThrownBy(() -> ROOTS.resolveWritable("/srv/easel/data")).hasMessageContaining("a data root itself");
        assertThatThrownBy(() -> ROOTS.resolveWritable("/srv/easel/data/out*")).hasMessageContaining("* or ?");
        assertThatThrownBy(() -> ROOTS.resolveWritable("/srv/easel/data/../database/x"))
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> ROOTS.resolveWritable("/etc/cron.d/x")).hasMessageContaining("outside the data roots");
        // samples inside a data root stay read only
        DataRoots nested = DataRoots.of(List.of("/srv/easel/data"), "/srv/easel/data/samples");
        assertThatThrownBy(() -> nested.resolveWritable("/srv/easel/data/samples/x")).hasMessageContaining("read only");
        assertThat(nested.resolveWritable("/srv/easel/data/x").path()).isEqualTo("/srv/easel/data/x");
    }

    @Test
    void shouldRefusePathsOutsideTheRootsWhateverTheirSpelling() {
        for (String path : List.of("/etc/shadow", "file:///etc/shadow", "/srv/easel/database/pg_hba.conf",
                "/srv/easel/dataextra/x.csv", "/srv/easel/d*/x.csv", "/srv/easel/data*", "hdfs://namenode:8020/tmp",
                "/srv/easel/runs/other-team/nodes/out")) {
            assertThatThrownBy(() -> ROOTS.resolve(path)).as(path).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside the data roots");
        }
    }

    @Test
    void shouldRefuseTraversalEscapesPatternsAndControlCharacters() {
        assertThatThrownBy(() -> ROOTS.resolve("/srv/easel/data/../../../etc/shadow")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> ROOTS.resolve("{samples}/../data/../../x")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> ROOTS.resolve("/srv/easel/data/%2e%2e/x")).hasMessageContaining("'%'");
        assertThatThrownBy(() -> ROOTS.resolve("/srv/easel/data/{a,../../x}")).hasMessageContaining("'{'");
        assertThatThrownBy(() -> ROOTS.resolve("/srv/easel/data/[ab]")).hasMessageContaining("'['");
        assertThatThrownBy(() -> ROOTS.resolve("/srv/easel/data\\..\\x")).hasMessageContaining("'\\'");
        assertThatThrownBy(() -> ROOTS.resolve("/srv/easel/data/a\u0000.csv")).hasMessageContaining("control");
        assertThatThrownBy(() -> ROOTS.resolve("data/credit.csv")).hasMessageContaining("not an absolute path");
        assertThatThrownBy(() -> ROOTS.resolve(" ")).hasMessageContaining("empty");
    }

    @Test
    void shouldRefuseEveryOtherHostAndFileSystem() {
        for (String path : List.of("http://attacker.example/x.csv", "hdfs://attacker.example:8020/datasets/x",
                "hdfs://namenode:9000/datasets/x", "hdfs:///datasets/x", "s3a://bucket/datasets/x",
                "file://attacker.example/srv/easel/data/x", "//attacker.example/srv/easel/data/x")) {
            assertThatThrownBy(() -> ROOTS.resolve(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ROOTS.resolve("http://attacker.example/x.csv"))
                .hasMessageContaining("file system Easel may not reach (http://attacker.example)");
    }

    @Test
    void shouldRefuseEverythingWithoutRoots() {
        assertThatThrownBy(() -> DataRoots.none().resolve("/srv/easel/data/x.csv"))
                .hasMessageContaining("no data roots");
        assertThatThrownBy(() -> DataRoots.of(List.of("/data/*"), null)).hasMessageContaining("not a pattern");
    }

    /** Workspace a's run: the uploads area lies in the data root, as it does by default. */
    private static final DataRoots OF_A = ROOTS.withUploads("/srv/easel/data/uploads", "a");

    @Test
    void shouldResolveTheUploadsPlaceholderToTheRunsOwnWorkspace() {
        assertThat(OF_A.resolve("{uploads}/customers.csv").uri())
                .isEqualTo("file:///srv/easel/data/uploads/a/customers.csv");
        assertThat(OF_A.resolve("/srv/easel/data/uploads/a/customers.csv").path())
                .isEqualTo("/srv/easel/data/uploads/a/customers.csv");
        assertThat(OF_A.resolve("{uploads}/*.csv").uri()).isEqualTo("file:///srv/easel/data/uploads/a/*.csv");
        assertThat(OF_A.resolve("/srv/easel/data/credit.csv").path()).isEqualTo("/srv/easel/data/credit.csv");
        assertThat(DataRoots.isUpload(" {uploads}/x.csv")).isTrue();
        assertThat(DataRoots.isUpload("{samples}/x.csv")).isFalse();
    }

    @Test
    void shouldNeverLetARunReadAnotherWorkspacesUploadsHoweverTheyAreSpelled() {
        for (String path : List.of("/srv/easel/data/uploads/b/customers.csv",
                "file:///srv/easel/data/uploads/b/customers.csv", "/srv/easel/data/uploads/*/customers.csv",
                "/srv/easel/data/up*/b/customers.csv", "/srv/easel/data/*/b", "/srv/easel/data/uploads",
                "/srv/easel/data/uploads/b", "/srv/easel/data", "/srv/easel/data/u?loads/b/x.csv")) {
            assertThatThrownBy(() -> OF_A.resolve(path)).as(path).hasMessageContaining("uploads of workspaces");
        }
        assertThatThrownBy(() -> OF_A.resolve("{uploads}/../b/customers.csv")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> OF_A.resolve("{uploads}/%2e%2e/b/x.csv")).hasMessageContaining("'%'");
        // Without a workspace (a graph validated outside one) no upload is read at all.
        DataRoots none = ROOTS.withUploads("/srv/easel/data/uploads", null);
        assertThatThrownBy(() -> none.resolve("{uploads}/customers.csv")).hasMessageContaining("not available");
        assertThatThrownBy(() -> none.resolve("/srv/easel/data/uploads/a/customers.csv"))
                .hasMessageContaining("uploads of workspaces");
    }

    @Test
    void shouldReadUploadsOutsideEveryRootAndWriteIntoNoUploads() {
        DataRoots elsewhere = DataRoots.of(List.of("hdfs://nn:8020/data"), null).withUploads("/var/easel/uploads",
                "a");
        assertThat(elsewhere.resolve("{uploads}/x.csv").uri()).isEqualTo("file:///var/easel/uploads/a/x.csv");
        assertThatThrownBy(() -> elsewhere.resolve("/var/easel/uploads/b/x.csv")).hasMessageContaining("outside");
        assertThatThrownBy(() -> OF_A.resolveWritable("{uploads}/scored")).hasMessageContaining("among the uploads");
        assertThatThrownBy(() -> OF_A.resolveWritable("/srv/easel/data/uploads/b/x"))
                .hasMessageContaining("uploads of workspaces");
        assertThat(OF_A.resolveWritable("/srv/easel/data/out").path()).isEqualTo("/srv/easel/data/out");
        assertThatThrownBy(() -> ROOTS.withUploads("/srv/easel/data/uploads", "../b"))
                .hasMessageContaining("cannot name");
    }
}
