package io.easel.studio.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamDef;
import io.easel.component.TableSpec;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationError.Code;
import io.easel.server.catalog.CatalogService;
import io.easel.studio.i18n.Languages;
import io.easel.studio.i18n.StudioTranslations;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Field and panel wording of validation errors, with the real translations and catalog. */
class ValidationMessagesTest {

    private static final Catalog CATALOG = new CatalogService().catalog();
    private final StudioTranslations translations = new StudioTranslations();
    private final ValidationMessages english = new ValidationMessages(
            (key, args) -> translations.getTranslation(key, Languages.ENGLISH, args), Languages.ENGLISH);
    private final ValidationMessages chinese = new ValidationMessages(
            (key, args) -> translations.getTranslation(key, Languages.CHINESE, args), Languages.CHINESE);
    private final ComponentDescriptor split = CATALOG.find("random-split").orElseThrow();
    private final ComponentDescriptor gbdt = CATALOG.find("gbdt-classifier").orElseThrow();

    @Test
    void shouldAskInTheUsersLanguageToSetAMissingParamByItsTitle() {
        ValidationError missing = new ValidationError("gbdt-classifier-1", "labelColumn", null, Code.MISSING_PARAM,
                "Node 'gbdt-classifier-1' (gbdt-classifier): param 'labelColumn' is required");

        assertThat(english.sentence(missing, gbdt)).isEqualTo("Set “Label column”");
        assertThat(chinese.sentence(missing, gbdt)).isEqualTo("请设置“标签列”");
    }

    @Test
    void shouldWordANodesOtherProblemsAsThePanelDoes() {
        ValidationError unconnected = new ValidationError("gbdt-classifier-1", null, "in", Code.MISSING_INPUT,
                "Node 'gbdt-classifier-1': input 'in' is not connected");

        assertThat(chinese.sentence(unconnected, gbdt)).isEqualTo("输入“训练数据”未连接");
    }

    @Test
    void shouldStateTheRangeUnderAnOutOfRangeNumber() {
        ParamDef fraction = split.param("fraction").orElseThrow();
        Node node = Node.of("split", "random-split", Map.of("fraction", 1.5));
        ValidationError error = new ValidationError("split", "fraction", null, Code.INVALID_PARAM, "…");

        assertThat(english.forField(error, fraction, node, Optional.empty())).isEqualTo("Must be in (0, 1)");
        assertThat(chinese.forField(error, fraction, node, Optional.empty())).isEqualTo("取值须在 (0, 1) 之内");
    }

    @Test
    void shouldNameTheColumnsTheInputLacks() {
        ParamDef label = gbdt.param("labelColumn").orElseThrow();
        Node node = Node.of("gbdt", "gbdt-classifier", Map.of("labelColumn", "klass"));
        ValidationError error = new ValidationError("gbdt", "labelColumn", "in", Code.UNKNOWN_COLUMN, "…");

        assertThat(english.forField(error, label, node, Optional.of(TableSpec.parse("class:string,age:integer"))))
                .isEqualTo("Not a column of the input: klass");
    }

    @Test
    void shouldAskForAnotherNameWhenANewColumnExists() {
        ComponentDescriptor tokenize = CATALOG.find("tokenize").orElseThrow();
        ParamDef output = tokenize.param("outputColumn").orElseThrow();
        Node node = Node.of("words", "tokenize", Map.of("textColumn", "gloss", "outputColumn", "gloss"));
        ValidationError error = new ValidationError("words", "outputColumn", "in", Code.COLUMN_EXISTS, "…");

        assertThat(english.forField(error, output, node, Optional.of(TableSpec.parse("gloss:string"))))
                .isEqualTo("The input already has a column named gloss: choose another name");
        assertThat(chinese.forField(error, output, node, Optional.of(TableSpec.parse("gloss:string"))))
                .isEqualTo("输入中已有名为 gloss 的列：请换一个名称");
        assertThat(english.forNode(error, tokenize)).isEqualTo("Output column: column already exists");
    }

    @Test
    void shouldSayUnderASearchSpaceWhatTheConnectedLearnerRefuses() {
        ComponentDescriptor tuning = CATALOG.find("hyperparameter-tuning").orElseThrow();
        ParamDef space = tuning.param("searchSpace").orElseThrow();
        Node node = Node.of("tune", "hyperparameter-tuning", Map.of("searchSpace", "maxDepht: 3"));
        ValidationError refused = new ValidationError("tune", "searchSpace", "model", Code.INVALID_PARAM,
                "Node 'tune' (hyperparameter-tuning): param 'searchSpace': 'maxDepht' is not a param of "
                        + "'gbdt-classifier' (it can tune maxIter, maxDepth)");

        assertThat(english.forField(refused, space, node, Optional.empty())).isEqualTo("Does not suit the "
                + "learner: 'maxDepht' is not a param of 'gbdt-classifier' (it can tune maxIter, maxDepth)");
        assertThat(chinese.forField(refused, space, node, Optional.empty())).startsWith("与学习器不符：'maxDepht'");
        Node unreadable = Node.of("tune", "hyperparameter-tuning", Map.of("searchSpace", "maxDepth 3"));
        ValidationError syntax = new ValidationError("tune", "searchSpace", null, Code.INVALID_PARAM, "…");
        assertThat(english.forField(syntax, space, unreadable, Optional.empty()))
                .startsWith("Invalid value: 'maxDepth 3' needs a ':'");
    }

    @Test
    void shouldNameTheUploadTheWorkspaceLacks() {
        ComponentDescriptor readCsv = CATALOG.find("read-csv").orElseThrow();
        Node node = Node.of("data", "read-csv", Map.of("path", "{uploads}/customers.csv"));
        ValidationError error = new ValidationError("data", "path", null, Code.UPLOAD_NOT_FOUND, "…");

        assertThat(english.forField(error, readCsv.param("path").orElseThrow(), node, Optional.empty()))
                .isEqualTo("This workspace has no upload “customers.csv”: upload the file, or choose one of the "
                        + "workspace’s uploads");
        assertThat(chinese.forField(error, readCsv.param("path").orElseThrow(), node, Optional.empty()))
                .startsWith("本工作区没有上传文件“customers.csv”");
        assertThat(english.forNode(error, readCsv)).isEqualTo("Path: no such upload in this workspace");
    }

    @Test
    void shouldSayInTheUsersLanguageWhereAWorkspaceMayReadWhenALocationIsRefused() {
        ComponentDescriptor scoring = CATALOG.find("score-with-model").orElseThrow();
        Node node = Node.of("score", "score-with-model", Map.of("model", "/etc/passwd"));
        ValidationError error = new ValidationError("score", "model", null, Code.PATH_NOT_ALLOWED,
                "Node 'score' (score-with-model): param 'model': '/etc/passwd' is outside the data roots");

        assertThat(english.forField(error, scoring.param("model").orElseThrow(), node, Optional.empty()))
                .startsWith("This workspace may not read this location: choose a file under its data roots");
        assertThat(chinese.forField(error, scoring.param("model").orElseThrow(), node, Optional.empty()))
                .startsWith("本工作区不能读取此位置");
        assertThat(english.forNode(error, scoring)).isEqualTo("Model (PMML): not a location this workspace may read");
        assertThat(chinese.sentence(error, scoring)).isEqualTo("模型（PMML）: 本工作区不能读取此位置");
    }

    @Test
    void shouldNameTheUnconnectedInputByItsTitle() {
        ValidationError error = new ValidationError("gbdt", null, "in", Code.MISSING_INPUT, "…");

        assertThat(english.forNode(error, gbdt)).isEqualTo("Input “Training data” is not connected");
        assertThat(chinese.forNode(error, gbdt)).isEqualTo("输入“训练数据”未连接");
    }

    @Test
    void shouldPrefixParamProblemsListedOutsideTheFormWithTheParamTitle() {
        ValidationError error = new ValidationError("gbdt", "labelColumn", null, Code.MISSING_PARAM, "…");

        assertThat(english.forNode(error, gbdt)).isEqualTo("Label column: Required");
        assertThat(List.of(chinese.forNode(error, gbdt))).containsExactly("标签列: 必填项");
    }
}
