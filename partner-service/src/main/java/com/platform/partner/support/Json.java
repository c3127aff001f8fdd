package com.platform.partner.support;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** JSON columns: the children an aggregate keeps in its own row, written and read in one place. */
@Component
public class Json {

    private final JsonMapper mapper;

    public Json(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public <T> T read(String json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    public <T> List<T> readList(String json, Class<T> element) {
        return mapper.readValue(json, mapper.getTypeFactory().constructCollectionType(List.class, element));
    }

    public <T> T read(String json, TypeReference<T> type) {
        return mapper.readValue(json, type);
    }

    public JsonMapper mapper() {
        return mapper;
    }
}
