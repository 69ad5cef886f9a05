package io.easel.server.model;

import io.easel.server.security.WorkspaceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "Trained pipelines the runs exported as PMML, by experiment node and version")
class ModelController {

    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
    }

    @GetMapping
    @Operation(summary = "The workspace's models, newest first, each with its versions")
    List<ModelView> list(WorkspaceRef workspace) {
        return models.list(workspace);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One model with its versions")
    @ApiResponse(responseCode = "200", description = "The model")
    @ApiResponse(responseCode = "404", description = "No such model", content = @Content)
    ModelView get(@PathVariable UUID id) {
        return models.get(id);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version: its run and experiment revision, PMML location, input columns, label, training "
            + "facts, lineage and the metrics of the evaluations its run made of it")
    @ApiResponse(responseCode = "200", description = "The version")
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content)
    ModelVersionView version(@PathVariable UUID id, @PathVariable int version) {
        return models.version(id, version);
    }

    @GetMapping(value = "/{id}/versions/{version}/pmml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Download the version's PMML document")
    @ApiResponse(responseCode = "200", description = "The PMML (XML), as an attachment",
            content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE))
    @ApiResponse(responseCode = "404", description = "No such model or version", content = @Content)
    @ApiResponse(responseCode = "503", description = "The model store cannot deliver the file", content = @Content)
    ResponseEntity<byte[]> pmml(@PathVariable UUID id, @PathVariable int version) {
        byte[] pmml = models.pmml(id, version);
        String fileName = "model-" + id + "-v" + version + ".pmml";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName).build().toString())
                .body(pmml);
    }
}
