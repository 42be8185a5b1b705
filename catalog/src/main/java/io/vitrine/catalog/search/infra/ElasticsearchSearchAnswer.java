package io.vitrine.catalog.search.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the adapter reads of a {@code _search} answer, in one streaming pass over its JSON: the total, each hit's
 * shown fields ({@link ElasticsearchSearchBody#HIT_FIELDS}) and sort values, and each aggregation's buckets.
 * Everything else (shard statistics, scores, ids) is skipped without being built.
 *
 * @param total        the exact number of hits ({@code track_total_hits})
 * @param hits         in the answer's order
 * @param aggregations by name: the buckets' keys and counts in the answer's order
 */
record ElasticsearchSearchAnswer(long total, List<Hit> hits, Map<String, List<Bucket>> aggregations) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One hit: its shown fields and sort values. Text fields hold an array (keywords) or one string, read alike
     * as a list; numbers are whole.
     */
    record Hit(Map<String, List<String>> strings, Map<String, Long> numbers, List<Object> sortValues) {

        /** the field's first value, or null */
        String first(String field) {
            List<String> values = all(field);
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String field) {
            return strings.getOrDefault(field, List.of());
        }

        long number(String field) {
            Long value = numbers.get(field);
            if (value == null) {
                throw new IllegalStateException("an indexed product has no " + field);
            }
            return value;
        }
    }

    /** A terms or range bucket: its key and how many hits fall in it. */
    record Bucket(String key, long count) {
    }

    List<Bucket> buckets(String aggregation) {
        return aggregations.getOrDefault(aggregation, List.of());
    }

    static ElasticsearchSearchAnswer read(InputStream body) throws IOException {
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            long total = 0;
            List<Hit> hits = List.of();
            Map<String, List<Bucket>> aggregations = Map.of();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "hits" -> {
                        HitsPart part = readHits(json);
                        total = part.total;
                        hits = part.hits;
                    }
                    case "aggregations" -> aggregations = readAggregations(json);
                    default -> json.skipChildren();
                }
            }
            return new ElasticsearchSearchAnswer(total, hits, aggregations);
        }
    }

    private static final class HitsPart {
        long total;
        List<Hit> hits = new ArrayList<>();
    }

    private static HitsPart readHits(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.START_OBJECT);
        HitsPart part = new HitsPart();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("total") && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    if (name.equals("value")) {
                        part.total = json.getLongValue();
                    } else {
                        json.skipChildren();
                    }
                }
            } else if (field.equals("hits") && value == JsonToken.START_ARRAY) {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    part.hits.add(readHit(json));
                }
            } else {
                json.skipChildren();
            }
        }
        return part;
    }

    private static Hit readHit(JsonParser json) throws IOException {
        Map<String, List<String>> strings = new HashMap<>();
        Map<String, Long> numbers = new HashMap<>();
        List<Object> sortValues = new ArrayList<>(2);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("_source") && value == JsonToken.START_OBJECT) {
                readSource(json, strings, numbers);
            } else if (field.equals("sort") && value == JsonToken.START_ARRAY) {
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    sortValues.add(switch (json.currentToken()) {
                        case VALUE_NUMBER_INT -> json.getLongValue();
                        case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
                        default -> json.getValueAsString();
                    });
                }
            } else {
                json.skipChildren();
            }
        }
        return new Hit(strings, numbers, sortValues);
    }

    private static void readSource(JsonParser json, Map<String, List<String>> strings, Map<String, Long> numbers)
            throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_ARRAY) {
                List<String> values = new ArrayList<>(1);
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    values.add(json.getValueAsString());
                }
                strings.put(field, values);
            } else if (value == JsonToken.VALUE_NUMBER_INT) {
                numbers.put(field, json.getLongValue());
            } else if (value == JsonToken.VALUE_STRING) {
                strings.put(field, List.of(json.getText()));
            } else {
                json.skipChildren(); // null, or a shape we never index
            }
        }
    }

    private static Map<String, List<Bucket>> readAggregations(JsonParser json) throws IOException {
        expect(json.currentToken(), JsonToken.START_OBJECT);
        Map<String, List<Bucket>> aggregations = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            expect(json.nextToken(), JsonToken.START_OBJECT);
            List<Bucket> buckets = List.of();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("buckets") && value == JsonToken.START_ARRAY) {
                    buckets = readBuckets(json);
                } else {
                    json.skipChildren();
                }
            }
            aggregations.put(name, buckets);
        }
        return aggregations;
    }

    private static List<Bucket> readBuckets(JsonParser json) throws IOException {
        List<Bucket> buckets = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String key = null;
            long count = 0;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "key" -> key = json.getValueAsString();
                    case "doc_count" -> count = json.getLongValue();
                    default -> json.skipChildren();
                }
            }
            buckets.add(new Bucket(key, count));
        }
        return buckets;
    }

    private static void expect(JsonToken found, JsonToken expected) throws IOException {
        if (found != expected) {
            throw new IOException("unexpected Elasticsearch answer: " + found + " where " + expected + " was expected");
        }
    }
}
