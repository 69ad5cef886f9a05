package io.easel.server.data;

import io.easel.server.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An upload that cannot be stored, read or deleted: each with its HTTP status and a detail in words (a name that
 * cannot be used is an {@link InvalidFieldException}, 400 naming the field).
 */
public class UploadException extends ErrorResponseException {

    private UploadException(HttpStatus status, String title, String detail) {
        super(status);
        getBody().setTitle(title);
        getBody().setDetail(detail);
    }

    static UploadException notFound(String name) {
        return new UploadException(HttpStatus.NOT_FOUND, "Upload not found", "There is no upload '" + name
                + "' in this workspace");
    }

    static UploadException exists(String name) {
        return new UploadException(HttpStatus.CONFLICT, "Upload exists", "There is already an upload '" + name
                + "' in this workspace; upload with overwrite=true to replace it, or choose another name");
    }

    static InvalidFieldException invalidName(String field, String problem) {
        return new InvalidFieldException("Invalid file name", field, InvalidFieldException.quoted(field, problem));
    }

    static UploadException tooLarge(long limit) {
        return new UploadException(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "The file is larger than the "
                + limit + " bytes an upload may have (easel.limits.upload-body)");
    }

    static UploadException notAFileBody(String contentType) {
        return new UploadException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", "An upload's "
                + "body is the file itself (e.g. Content-Type: text/csv or application/octet-stream, curl "
                + "--data-binary @file), with its name in the query (?name=…), not " + contentType);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
