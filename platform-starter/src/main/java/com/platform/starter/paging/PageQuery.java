package com.platform.starter.paging;

import java.util.ArrayList;
import java.util.List;

import com.platform.starter.problem.FieldViolation;
import com.platform.starter.problem.PlatformException;
import com.platform.starter.problem.ProblemCodes;

import org.springframework.http.HttpStatus;

/** {@code ?page=0&size=20} as api.md defines it: page from 0, size 1 to 100; anything else is 400 naming the field. */
public record PageQuery(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public PageQuery {
        List<FieldViolation> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldViolation("page", "must be 0 or greater"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new PlatformException(HttpStatus.BAD_REQUEST, ProblemCodes.VALIDATION_FAILED,
                    "The request has invalid fields.", errors);
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
